/**
 * Something accepted the connection, then reset it: Chrome net::ERR_CONNECTION_RESET. Firefox reports a reset
 * and a server that closes without answering alike (NS_ERROR_NET_RESET, tested: a TLS server opened with
 * http:// and a server that resets both give it), so in Firefox this kind also covers the http:// to HTTPS case.
 * Only on a local host; a service's own port is not-http's (registry order).
 */
import type { FailureKind } from '../types.ts';

export const connectionReset: FailureKind<'connection-reset'> = {
  id: 'connection-reset',
  precedence: 100,
  group: 'local',
  codes: [
    'net::ERR_CONNECTION_RESET',
    'Error code 2152398868', // Firefox webNavigation: NS_ERROR_NET_RESET
  ],
  detect: ({ local }) => local,
  headline: ({ port }) => ({ key: 'kind.connectionReset.headline', args: [String(port)] }),
};
