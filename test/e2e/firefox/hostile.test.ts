/** The hostile pages' scenarios (test/e2e/scenarios/hostile.ts) in Firefox. */
import { HOSTILE } from '../scenarios/hostile.ts';
import { runSuites } from '../scenarios/scenario.ts';

runSuites('firefox', HOSTILE);
