/** The background's scenarios (test/e2e/scenarios/background.ts) in Chromium. */
import { BACKGROUND } from '../scenarios/background.ts';
import { runSuites } from '../scenarios/scenario.ts';

runSuites('chromium', BACKGROUND);
