/** The popup's scenarios (test/e2e/scenarios/popup.ts) in Chromium. */
import { POPUP } from '../scenarios/popup.ts';
import { runSuites } from '../scenarios/scenario.ts';

runSuites('chromium', POPUP);
