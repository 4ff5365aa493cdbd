/**
 * The server listens on one loopback address and the URL names the other: refused on 127.0.0.1:P while
 * [::1]:P answers, or the reverse. Node 17+ (nodejs/node#40702) and Vite bind `localhost` to ::1 alone on some
 * systems; Docker publishes on :: while the app inside listens on IPv4. The browser only says "refused": this
 * kind is found by a probe of the other address from the explanation page (never from a web page), after a
 * connection-refused (explain.ts, probeHosts). `localhost` URLs are not probed: both browsers try both addresses for it (tested).
 */
import type { FailureKind } from '../types.ts';

export const loopbackMismatch: FailureKind<'loopback-mismatch'> = {
  id: 'loopback-mismatch',
  // Found only by a probe after connection-refused.
  precedence: 120,
  group: 'local',
  codes: [],
  refines: 'connection-refused',
  // Never from an error alone: only a probe tells.
  detect: () => false,
  headline: ({ port }) => ({ key: 'kind.loopbackMismatch.headline', args: [String(port)] }),
};
