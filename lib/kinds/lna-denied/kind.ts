/**
 * Local Network Access: since Chrome 142 a page from a less private address space (the internet) needs the
 * user's permission to reach a local or loopback server (WICG/local-network-access; developer.chrome.com
 * "Local Network Access"). A frame that is refused reports net::ERR_BLOCKED_BY_LOCAL_NETWORK_ACCESS_CHECKS in
 * webNavigation.onErrorOccurred (Chromium 156, tested with --ip-address-space-overrides); a top-level
 * navigation is never gated. Firefox 153 with network.lna.* asks with a prompt and the request waits: no event
 * reaches an extension (tested), so there is nothing to detect there.
 */
import type { FailureKind } from '../types.ts';

export const lnaDenied: FailureKind<'lna-denied'> = {
  id: 'lna-denied',
  precedence: 20,
  group: 'local',
  codes: ['net::ERR_BLOCKED_BY_LOCAL_NETWORK_ACCESS_CHECKS'],
  // The refused address is on this machine or the LAN by definition; the user's own list counts too.
  detect: ({ local }) => local,
  headline: ({ port }) => ({ key: 'kind.lnaDenied.headline', args: [String(port)] }),
};
