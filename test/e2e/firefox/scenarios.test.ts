/** The kinds' scenario table (test/e2e/scenarios/kinds.ts) in Firefox. */
import { runKindScenarios } from '../scenarios/run-kinds.ts';

runKindScenarios('firefox');
