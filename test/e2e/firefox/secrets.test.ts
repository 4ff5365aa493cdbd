/** The secrets' scenarios (test/e2e/scenarios/secrets.ts) in Firefox. */
import { SECRETS } from '../scenarios/secrets.ts';
import { runSuites } from '../scenarios/scenario.ts';

runSuites('firefox', SECRETS);
