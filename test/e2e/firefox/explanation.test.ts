/** The explanation's scenarios (test/e2e/scenarios/explanation.ts) in Firefox. */
import { EXPLANATION } from '../scenarios/explanation.ts';
import { runSuites } from '../scenarios/scenario.ts';

runSuites('firefox', EXPLANATION);
