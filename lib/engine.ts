import type { BrowserEngine } from './diagnose';

/** The engine this build runs in, fixed at build time. */
export const CURRENT_ENGINE: BrowserEngine = import.meta.env.FIREFOX ? 'firefox' : 'chromium';
