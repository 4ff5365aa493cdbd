/** "Running here" (test/e2e/scenarios/running-here.ts) in Firefox. */
import { RUNNING_HERE } from '../scenarios/running-here.ts';
import { runSuites } from '../scenarios/scenario.ts';

runSuites('firefox', RUNNING_HERE);
