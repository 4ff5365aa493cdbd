/** The scenarios of a failed tab explained from the popup (test/e2e/scenarios/tab-diagnosis.ts) in Chromium. */
import { TAB_DIAGNOSIS } from '../scenarios/tab-diagnosis.ts';
import { runSuites } from '../scenarios/scenario.ts';

runSuites('chromium', TAB_DIAGNOSIS);
