/** The accessibility scenarios (test/e2e/scenarios/a11y.ts) in Firefox. */
import { A11Y } from '../scenarios/a11y.ts';
import { runSuites } from '../scenarios/scenario.ts';

runSuites('firefox', A11Y);
