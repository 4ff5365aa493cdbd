/** The re-allowed port's scenarios (test/e2e/scenarios/allowed-port.ts) in Firefox. */
import { ALLOWED_PORT } from '../scenarios/allowed-port.ts';
import { runSuites } from '../scenarios/scenario.ts';

runSuites('firefox', ALLOWED_PORT);
