/**
 * "Watch requests on all sites": the optional host permission the options page asks for on a click. The
 * manifest declares it (wxt.config.ts) and the options page requests exactly it.
 */
export const ALL_SITES = ['http://*/*', 'https://*/*'];
