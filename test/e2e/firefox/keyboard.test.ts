/** The keyboard's scenarios (test/e2e/scenarios/keyboard.ts) in Firefox. */
import { KEYBOARD } from '../scenarios/keyboard.ts';
import { runSuites } from '../scenarios/scenario.ts';

runSuites('firefox', KEYBOARD);
