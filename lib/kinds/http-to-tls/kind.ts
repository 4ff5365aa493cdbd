/**
 * http:// to a server that speaks only HTTPS: the TLS server takes the connection and sends nothing an HTTP
 * client can read. Chrome: net::ERR_EMPTY_RESPONSE (tested with a Node HTTPS server). Firefox reports
 * NS_ERROR_NET_RESET, the same as a reset, so there it is connection-reset's (which offers https:// first).
 * Only on a local host and not on a port a non-HTTP service owns (not-http comes first in the registry).
 */
import type { FailureKind } from '../types.ts';

export const httpToTls: FailureKind<'http-to-tls'> = {
  id: 'http-to-tls',
  precedence: 90,
  group: 'local',
  codes: ['net::ERR_EMPTY_RESPONSE'],
  detect: ({ local, url }) => local && url.protocol === 'http:',
  headline: ({ port }) => ({ key: 'kind.httpToTls.headline', args: [String(port)] }),
};
