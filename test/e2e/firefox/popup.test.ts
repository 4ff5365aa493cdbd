/** The popup's scenarios (test/e2e/scenarios/popup.ts) in Firefox. */
import { POPUP } from '../scenarios/popup.ts';
import { runSuites } from '../scenarios/scenario.ts';

runSuites('firefox', POPUP);
