import { describe, expect, it } from 'vitest';
import { BLOCKED_PORTS, blockedList, enginesBlocking, ENGINES, isBlocked } from '@/lib/ports/blocked';

// Copied from ../shared/reference/ports.md §1 ("Copy-paste lists"), which the full-range scans confirmed.
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

  it.each(['firefox', 'webkit', 'fetch', 'node'] as const)('%s blocks the 83 Fetch bad ports', (engine) => {
    expect(blockedList(engine)).toEqual(FETCH);
    expect(FETCH).toHaveLength(83);
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

  it('knows when ports were added', () => {
    expect(isBlocked(10080, 'chromium', 89)).toBe(false);
    expect(isBlocked(10080, 'chromium', 90)).toBe(true);
    expect(isBlocked(10080, 'firefox', 84)).toBe(false);
    expect(isBlocked(10080, 'firefox', 85)).toBe(true);
    expect(isBlocked(5060, 'chromium', 86)).toBe(false);
    expect(isBlocked(5060, 'chromium', 87)).toBe(true);
    // Where the version is unknown, the port counts as blocked.
    expect(isBlocked(6000, 'chromium', 1)).toBe(true);
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
