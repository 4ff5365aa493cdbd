/** The steering scenarios (test/e2e/scenarios/steer.ts) in Firefox. */
import { STEER } from '../scenarios/steer.ts';
import { runSuites } from '../scenarios/scenario.ts';

runSuites('firefox', STEER);
