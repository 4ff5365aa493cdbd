/** The first-screen scenarios (test/e2e/scenarios/first-screen.ts) in Firefox. */
import { runFirstScreen } from '../scenarios/first-screen.ts';

runFirstScreen('firefox');
