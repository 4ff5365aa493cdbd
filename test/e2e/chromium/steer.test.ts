/** The steering scenarios (test/e2e/scenarios/steer.ts) in Chromium. */
import { STEER } from '../scenarios/steer.ts';
import { runSuites } from '../scenarios/scenario.ts';

runSuites('chromium', STEER);
