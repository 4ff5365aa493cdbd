/** The in-page card's scenarios (test/e2e/scenarios/overlay.ts) in Firefox. */
import { OVERLAY } from '../scenarios/overlay.ts';
import { runSuites } from '../scenarios/scenario.ts';

runSuites('firefox', OVERLAY);
