/**
 * The host access Port Doctor declares, in one place for the manifest (wxt.config.ts) and the code that asks for
 * it or checks it. Pure: wxt.config.ts imports it at build time.
 */

/** The pages Port Doctor watches and may show its card in: this machine, and nothing else. */
export const LOCAL_MATCHES = [
  'http://localhost/*',
  'https://localhost/*',
  'http://127.0.0.1/*',
  'https://127.0.0.1/*',
  'http://[::1]/*',
  'https://[::1]/*',
];

/**
 * "Watch requests on all sites": the optional host permission the options page asks for on a click. The
 * manifest declares it (wxt.config.ts) and the options page requests exactly it.
 */
export const ALL_SITES = ['http://*/*', 'https://*/*'];
