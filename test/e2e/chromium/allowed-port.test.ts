/** The re-allowed port's scenarios (test/e2e/scenarios/allowed-port.ts) in Chromium. */
import { ALLOWED_PORT } from '../scenarios/allowed-port.ts';
import { runSuites } from '../scenarios/scenario.ts';

runSuites('chromium', ALLOWED_PORT);
