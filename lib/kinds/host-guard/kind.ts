/**
 * A dev server that refuses the name it was reached by: Vite (since 6.0.9, a DNS-rebinding fix) answers 403
 * "Blocked request. This host ("devbox.test") is not allowed."; webpack-dev-server answers "Invalid Host
 * header". The page loads, so no browser event says it, and its text is not readable without access to the
 * page: Port Doctor reads it when the user opens the popup on that tab (activeTab, lib/signals/page-check.ts).
 * Next.js's allowedDevOrigins refuses only its HMR socket (the page shows but never hydrates): no page text
 * says it, so it is not detected, and the README says so.
 */
import type { FailureKind } from '../types.ts';

/** Vite's text: vite/src/node/server/middlewares/hostCheck.ts (403, text/plain; tested with Vite 8.3). */
export const VITE_HOST_CODE = 'HTTP 403 from Vite: host not allowed';
/** webpack-dev-server lib/Server.js: `res.end("Invalid Host header")` (403 since v4). */
export const WEBPACK_HOST_CODE = 'webpack-dev-server: Invalid Host header';

export const hostGuard: FailureKind<'host-guard'> = {
  id: 'host-guard',
  precedence: 40,
  group: 'local',
  codes: [VITE_HOST_CODE, WEBPACK_HOST_CODE],
  page: [
    { text: /^Blocked request\. This host \(".*"\) is not allowed\./, code: VITE_HOST_CODE },
    { text: /^Invalid Host header\s*$/, code: WEBPACK_HOST_CODE },
  ],
  // The page's own words are the evidence, whatever the name: a custom one is the usual trigger.
  detect: () => true,
  headline: ({ port }) => ({ key: 'kind.hostGuard.headline', args: [String(port)] }),
};
