/**
 * The browser refused the port itself, before any connection (the lists: lib/ports/blocked.ts). Chrome says
 * net::ERR_UNSAFE_PORT, in webNavigation and in webRequest (a page's own request: the in-page card). Firefox
 * fires no error event at all: it commits its error page without onBeforeNavigate (lib/kinds/detect.ts,
 * detectFirefoxCommit), and a page's own request leaves no trace.
 */
import type { FailureKind } from '../types.ts';

export const CHROME_BLOCKED_CODE = 'net::ERR_UNSAFE_PORT';
/** Firefox reports nothing for a blocked port; this names what it would have said (NS_ERROR_PORT_ACCESS_NOT_ALLOWED). */
export const FIREFOX_BLOCKED_CODE = 'NS_ERROR_PORT_ACCESS_NOT_ALLOWED';

export const blockedPort: FailureKind<'blocked-port'> = {
  id: 'blocked-port',
  // The browser refused the port itself: nothing else can be the cause.
  precedence: 10,
  group: 'blocked',
  codes: [CHROME_BLOCKED_CODE, FIREFOX_BLOCKED_CODE],
  card: true,
  // Any host: a blocked port is refused wherever it points.
  detect: () => true,
  headline: ({ port }) => ({ key: 'kind.blockedPort.headline', args: [String(port)] }),
};
