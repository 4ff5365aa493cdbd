/** Nothing listens on the port (or not on that address): a local host only, where the developer can act. */
import type { FailureKind } from '../types.ts';

export const connectionRefused: FailureKind<'connection-refused'> = {
  id: 'connection-refused',
  precedence: 110,
  group: 'local',
  codes: [
    'net::ERR_CONNECTION_REFUSED',
    'Error code 2152398861', // Firefox webNavigation: NS_ERROR_CONNECTION_REFUSED
  ],
  detect: ({ local }) => local,
  headline: ({ port }) => ({ key: 'kind.connectionRefused.headline', args: [String(port)] }),
};
