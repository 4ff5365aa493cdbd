/**
 * The signals of the engine this build runs in. A constant per build, so each browser's bundle carries its own
 * module only.
 */
import { CURRENT_ENGINE } from '../core/engine.ts';
import { listenChromium } from './chromium.ts';
import { listenFirefox } from './firefox.ts';

export const listen = CURRENT_ENGINE === 'firefox' ? listenFirefox : listenChromium;
