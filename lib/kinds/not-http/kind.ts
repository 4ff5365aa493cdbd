/**
 * An empty or invalid answer from a port that belongs to a service that does not speak HTTP (a database, SSH...):
 * the developer opened the wrong port. Only on a local host, and only on such a service's usual port.
 */
import type { FailureKind } from '../types.ts';

/**
 * Ports of services that answer an HTTP request in their own protocol or not at all (lib/ports/conventions.ts
 * names them; a unit test keeps the two in step). Not the ones that speak HTTP there: CouchDB, Elasticsearch,
 * the Docker API, Prometheus, RabbitMQ's management UI, Kubernetes' API, Chrome's remote debugging.
 */
export const NOT_HTTP_PORTS: ReadonlySet<number> = new Set([
  1433, 1521, 3306, 5432, 6379, 7687, 9042, 11211, 27017, 3389, 5900, 5672, 9092,
]);

export const notHttp: FailureKind<'not-http'> = {
  id: 'not-http',
  // Before http-to-tls and connection-reset: on a port a non-HTTP service owns, that service is the answer.
  precedence: 60,
  group: 'local',
  codes: [
    'net::ERR_INVALID_HTTP_RESPONSE',
    'net::ERR_EMPTY_RESPONSE',
    'Error code 2152398868', // Firefox webNavigation: NS_ERROR_NET_RESET
  ],
  detect: ({ local, port }) => local && NOT_HTTP_PORTS.has(port),
  headline: ({ port }) => ({ key: 'kind.notHttp.headline', args: [String(port)] }),
};
