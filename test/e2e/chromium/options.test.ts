/** The options page's scenarios (test/e2e/scenarios/options.ts) in Chromium. */
import { OPTIONS } from '../scenarios/options.ts';
import { runSuites } from '../scenarios/scenario.ts';

runSuites('chromium', OPTIONS);
