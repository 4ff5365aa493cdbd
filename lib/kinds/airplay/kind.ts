/**
 * macOS's AirPlay Receiver on 5000 or 7000 (since macOS 12: pallets/flask docs/server.rst, lektor/lektor#1160)
 * answers a browser with 403 Forbidden and `Server: AirTunes/<version>`: the developer's server never got the
 * request. The page loads, so no error event says it: only Chrome's deeper checks (webRequest, opt-in) see the
 * status and the header, and only for these two ports on this machine. Firefox: Port Doctor has no webRequest
 * there, so this kind is not seen (the popup's note for 5000 and 7000 says it).
 */
import type { FailureKind } from '../types.ts';

export const AIRPLAY_CODE = 'HTTP 403 from AirTunes';

export const airplay: FailureKind<'airplay'> = {
  id: 'airplay',
  precedence: 30,
  group: 'local',
  codes: [AIRPLAY_CODE],
  response: {
    ports: [5000, 7000],
    status: 403,
    header: 'server',
    startsWith: 'AirTunes',
    code: AIRPLAY_CODE,
  },
  detect: ({ local }) => local,
  headline: ({ port }) => ({ key: 'kind.airplay.headline', args: [String(port)] }),
};
