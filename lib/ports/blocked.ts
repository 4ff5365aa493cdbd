/**
 * Which ports each browser engine refuses to connect to, and since when.
 *
 * Sources: Chromium `kRestrictedPorts` in net/base/port_util.cc,
 * Firefox `gBadPortList` in netwerk/base/nsIOService.cpp plus its `port <= 0` check, WebKit `blockedPortList`
 * in Source/WTF/wtf/URL.cpp, the Fetch standard's "bad port" table, and undici's `badPorts` (Node's fetch):
 * the Fetch list without 0. The Chromium and Firefox lists are checked against the real browsers, not only
 * against their sources: the e2e port sweep (test/e2e/sweep, `npm run sweep`) asks the installed Chromium and
 * Firefox about all 65,536 ports on every full test run and fails where they differ (last run: Chromium
 * 156.0.8078.114 and Firefox 153.8.0esr, Debian's builds, 2026-12-02). WebKit, Fetch and undici are from
 * their sources only.
 *
 * This module is small on purpose: the background imports it, so it holds the lists alone. Each port's service
 * and since when each engine blocks it are in ./blocked-history.ts, for the pages.
 */

export const ENGINES = ['chromium', 'firefox', 'webkit', 'fetch', 'node'] as const;
export type Engine = (typeof ENGINES)[number];

/**
 * Every port on some engine's list: the Fetch standard's "bad port" table
 * (https://fetch.spec.whatwg.org/#port-blocking).
 */
// prettier-ignore
export const BAD_PORTS: readonly number[] = [
  0, 1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42,
  43, 53, 69, 77, 79, 87, 95, 101, 102, 103, 104, 109, 110, 111, 113, 115,
  117, 119, 123, 135, 137, 139, 143, 161, 179, 389, 427, 465, 512, 513, 514, 515,
  526, 530, 531, 532, 540, 548, 554, 556, 563, 587, 601, 636, 989, 990, 993, 995,
  1719, 1720, 1723, 2049, 3659, 4045, 4190, 5060, 5061, 6000, 6566, 6665, 6666, 6667, 6668, 6669,
  6679, 6697, 10080,
];

/** Engines that do not block a port although Fetch does. */
export const NOT_IN: Readonly<Record<number, readonly Engine[]>> = {
  // Not in undici's badPorts, so Node's fetch tries to connect (nodejs/undici lib/web/fetch/constants.js).
  0: ['node'],
  // Chromium has not shipped these (whatwg/fetch#1743: "You can list Chromium as interested";
  // crbug 332391867). Node's fetch blocks them from undici 6.12.0 (nodejs/undici#3059).
  4190: ['chromium'],
  6679: ['chromium'],
};

const BAD = new Set(BAD_PORTS);

/** Is `port` on `engine`'s list today? (Since which version: blockedSince in ./blocked-history.ts.) */
export function isBlocked(port: number, engine: Engine): boolean {
  return BAD.has(port) && !NOT_IN[port]?.includes(engine);
}

/** Every engine that refuses `port`, in ENGINES order. */
export function enginesBlocking(port: number): Engine[] {
  return ENGINES.filter((engine) => isBlocked(port, engine));
}

/** The sorted list of ports one engine refuses. */
export function blockedList(engine: Engine): number[] {
  return BAD_PORTS.filter((port) => isBlocked(port, engine));
}
