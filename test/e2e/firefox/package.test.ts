/** The store package's scenarios (test/e2e/scenarios/package.ts) in Firefox. */
import { PACKAGE } from '../scenarios/package.ts';
import { runSuites } from '../scenarios/scenario.ts';

runSuites('firefox', PACKAGE);
