/** The first-screen scenarios (test/e2e/scenarios/first-screen.ts) in Chromium. */
import { runFirstScreen } from '../scenarios/first-screen.ts';

runFirstScreen('chromium');
