/** The explanation's scenarios (test/e2e/scenarios/explanation.ts) in Chromium. */
import { EXPLANATION } from '../scenarios/explanation.ts';
import { runSuites } from '../scenarios/scenario.ts';

runSuites('chromium', EXPLANATION);
