/** The "moved" scenarios (test/e2e/scenarios/moved.ts) in Chromium. */
import { MOVED } from '../scenarios/moved.ts';
import { runSuites } from '../scenarios/scenario.ts';

runSuites('chromium', MOVED);
