import { describe, expect, it } from 'vitest';
import { BAD_PORTS, blockedList, enginesBlocking, ENGINES, isBlocked } from '@/lib/ports/blocked';
import { BLOCKED_PORTS, blockedEntry, blockedSince } from '@/lib/ports/blocked-history';
import { ADDED_SOURCES } from '@/lib/ports/sources';

// Chromium's kRestrictedPorts (net/base/port_util.cc), as the full-range scan of Chromium 156 confirmed.
const CHROMIUM_156 =
  '0,1,7,9,11,13,15,17,19,20,21,22,23,25,37,42,43,53,69,77,79,87,95,101,102,103,104,109,110,111,113,115,117,119,123,135,137,139,143,161,179,389,427,465,512,513,514,515,526,530,531,532,540,548,554,556,563,587,601,636,989,990,993,995,1719,1720,1723,2049,3659,4045,5060,5061,6000,6566,6665,6666,6667,6668,6669,6697,10080'
    .split(',')
    .map(Number);
const FETCH = [...CHROMIUM_156, 4190, 6679].sort((a, b) => a - b);

describe('blocked lists', () => {
  it('Chromium blocks the 81 ports of kRestrictedPorts', () => {
    expect(blockedList('chromium')).toEqual(CHROMIUM_156);
    expect(CHROMIUM_156).toHaveLength(81);
  });

  it.each(['firefox', 'webkit', 'fetch'] as const)('%s blocks the 83 Fetch bad ports', (engine) => {
    expect(blockedList(engine)).toEqual(FETCH);
    expect(FETCH).toHaveLength(83);
  });

  it("node blocks the Fetch bad ports but 0 (undici's badPorts)", () => {
    expect(blockedList('node')).toEqual(FETCH.filter((port) => port !== 0));
  });

  it('lists each port once, in order', () => {
    const ports = BLOCKED_PORTS.map((entry) => entry.port);
    expect(ports).toEqual([...new Set(ports)].sort((a, b) => a - b));
  });

  it.each([
    [6000, ['chromium', 'firefox', 'webkit', 'fetch', 'node']],
    [4190, ['firefox', 'webkit', 'fetch', 'node']],
    [6679, ['firefox', 'webkit', 'fetch', 'node']],
    [6680, []],
    [5173, []],
    [65535, []],
  ])('port %i is blocked by %j', (port, engines) => {
    expect(enginesBlocking(port)).toEqual(engines);
  });

  it.each([
    // NAT Slipstreaming 2.0: Chrome 88 (the M88 branch), Firefox 85 (bug 1677940): lib/ports/sources.ts.
    [69, 'chromium', 87, false],
    [69, 'chromium', 88, true],
    [6566, 'chromium', 87, false],
    [6566, 'chromium', 88, true],
    [69, 'firefox', 84, false],
    [69, 'firefox', 85, true],
    // 554: Chrome 90 (chromestatus), after a brief block with the M88 merge (row 2).
    [554, 'chromium', 89, false],
    [554, 'chromium', 90, true],
    [5060, 'chromium', 86, false],
    [5060, 'chromium', 87, true],
    // Unconfirmed: Firefox's version for 5060 (row 7), Chrome's for 10080 (row 3: every report says 91, no
    // primary source), and the original list's ports.
    [5060, 'firefox', 84, 'unknown'],
    [10080, 'chromium', 90, 'unknown'],
    [10080, 'chromium', 91, 'unknown'],
    [10080, 'firefox', 84, false],
    [10080, 'firefox', 85, true],
    [6000, 'chromium', 1, 'unknown'],
    [6000, 'firefox', 153, 'unknown'],
    // Not on the engine's list at all: false at any version.
    [4190, 'chromium', 156, false],
    [5173, 'firefox', 153, false],
  ] as const)('blockedSince(%i, %s, %i) is %s', (port, engine, version, expected) => {
    expect(blockedSince(port, engine, version)).toBe(expected);
  });

  it('the lists (background) and the history (pages) name the same ports, in the same order', () => {
    expect(BLOCKED_PORTS.map((entry) => entry.port)).toEqual(BAD_PORTS);
  });

  it("Node's fetch does not refuse port 0: undici's badPorts has no 0 (row 4)", () => {
    expect(isBlocked(0, 'node')).toBe(false);
    expect(isBlocked(0, 'chromium')).toBe(true);
  });

  it('every version and date it states has exactly one primary source, with the same value (sources.ts)', () => {
    for (const entry of BLOCKED_PORTS)
      for (const [engine, value] of Object.entries(entry.added ?? {})) {
        const rows = ADDED_SOURCES.filter((row) => row.engine === engine && row.ports.includes(entry.port));
        expect(rows, `${entry.port} ${engine}`).toHaveLength(1);
        expect(rows[0]?.value, `${entry.port} ${engine}`).toBe(value);
        expect(rows[0]?.source, `${entry.port} ${engine}`).toMatch(/\S{8,}/);
      }
    // And no source for a fact the lists do not state.
    for (const row of ADDED_SOURCES)
      for (const port of row.ports)
        expect(blockedEntry(port)?.added?.[row.engine], `${port}`).toBe(row.value);
  });

  it('answers for every port without throwing, and nothing above 10080 is blocked', () => {
    for (let port = 0; port <= 65535; port++) {
      for (const engine of ENGINES) {
        if (port > 10080) expect(isBlocked(port, engine)).toBe(false);
      }
    }
    expect(isBlocked(-1, 'chromium')).toBe(false);
    expect(isBlocked(70000, 'firefox')).toBe(false);
  });
});
