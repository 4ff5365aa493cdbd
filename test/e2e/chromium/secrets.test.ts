/** The secrets' scenarios (test/e2e/scenarios/secrets.ts) in Chromium. */
import { SECRETS } from '../scenarios/secrets.ts';
import { runSuites } from '../scenarios/scenario.ts';

runSuites('chromium', SECRETS);
