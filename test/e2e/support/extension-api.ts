import type { browser } from 'wxt/browser';

/**
 * The extension API as seen by code that the tests evaluate inside the browser (the worker, an extension
 * page). Only a type: Puppeteer sends the function's source, so nothing is imported there.
 */
export type ExtensionGlobals = { chrome: typeof browser; browser: typeof browser };
