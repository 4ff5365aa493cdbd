/**
 * An address a server listens on, not one to open: dev servers print http://0.0.0.0:PORT ("every address of
 * this machine"). Firefox 153 refuses it (NS_ERROR_CONNECTION_REFUSED, even with a server listening: tested in
 * test/e2e/firefox/kinds.test.ts); Chrome on Windows reports net::ERR_ADDRESS_INVALID (Chromium's
 * net/base/net_error_list.h: "cannot connect to the IP address 0"); Chromium on Linux opens it (tested), so
 * there is nothing to explain there.
 */
import type { FailureKind } from '../types.ts';

export const ZERO_HOSTS: readonly string[] = ['0.0.0.0', '[::]'];

export const zeroHost: FailureKind<'zero-host'> = {
  id: 'zero-host',
  // Before connection-refused: Firefox refuses 0.0.0.0 with the same error.
  precedence: 50,
  group: 'local',
  codes: [
    'net::ERR_ADDRESS_INVALID',
    'net::ERR_CONNECTION_REFUSED',
    'Error code 2152398861', // Firefox webNavigation: NS_ERROR_CONNECTION_REFUSED
  ],
  detect: ({ url }) => ZERO_HOSTS.includes(url.hostname),
  headline: () => ({ key: 'kind.zeroHost.headline' }),
};
