/** The kinds' scenario table (test/e2e/scenarios/kinds.ts) in Chromium. */
import { runKindScenarios } from '../scenarios/run-kinds.ts';

runKindScenarios('chromium');
