/** https:// to a server that answers in plain HTTP: the TLS handshake gets an HTTP reply. Local hosts only. */
import type { FailureKind } from '../types.ts';

export const tlsToHttp: FailureKind<'tls-to-http'> = {
  id: 'tls-to-http',
  precedence: 80,
  group: 'local',
  codes: [
    'net::ERR_SSL_PROTOCOL_ERROR',
    'Error code 2153394151', // Firefox: SSL_ERROR_RX_RECORD_TOO_LONG, a plain-HTTP reply to a TLS hello
  ],
  detect: ({ local, url }) => local && url.protocol === 'https:',
  headline: () => ({ key: 'kind.tlsToHttp.headline' }),
};
