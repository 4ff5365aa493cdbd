/** The production build's scenarios (test/e2e/scenarios/foundation.ts) in Firefox. */
import { FOUNDATION } from '../scenarios/foundation.ts';
import { runSuites } from '../scenarios/scenario.ts';

runSuites('firefox', FOUNDATION);
