/**
 * An empty or invalid answer from a port that belongs to a service that does not speak HTTP (a database, SSH...):
 * the developer opened the wrong port. Only on a local host, and only on a port lib/ports/conventions.ts knows.
 */
import { SERVICE_PORTS } from '../../ports/conventions.ts';
import type { FailureKind } from '../types.ts';

export const notHttp: FailureKind<'not-http'> = {
  id: 'not-http',
  group: 'local',
  codes: [
    'net::ERR_INVALID_HTTP_RESPONSE',
    'net::ERR_EMPTY_RESPONSE',
    'Error code 2152398868', // Firefox webNavigation: NS_ERROR_NET_RESET
    'NS_ERROR_NET_RESET',
  ],
  detect: ({ local, port }) => local && port in SERVICE_PORTS,
  headline: ({ port }) => ({ key: 'kind.notHttp.headline', args: [String(port)] }),
};
