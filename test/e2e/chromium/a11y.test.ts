/** The accessibility scenarios (test/e2e/scenarios/a11y.ts) in Chromium. */
import { A11Y } from '../scenarios/a11y.ts';
import { runSuites } from '../scenarios/scenario.ts';

runSuites('chromium', A11Y);
