/** The hostile pages' scenarios (test/e2e/scenarios/hostile.ts) in Chromium. */
import { HOSTILE } from '../scenarios/hostile.ts';
import { runSuites } from '../scenarios/scenario.ts';

runSuites('chromium', HOSTILE);
