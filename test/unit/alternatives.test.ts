import { describe, expect, it } from 'vitest';
import { isSafePort, suggestAlternatives } from '@/lib/ports/alternatives';
import { BAD_PORTS, ENGINES, blockedList, enginesBlocking } from '@/lib/ports/blocked';

const ports = (port: number) => suggestAlternatives(port).map((alternative) => alternative.port);

describe('suggestAlternatives', () => {
  it('suggests, for every blocked port of every engine, only ports that no engine blocks', () => {
    for (const engine of ENGINES) {
      for (const port of blockedList(engine)) {
        const suggestions = suggestAlternatives(port);
        expect(suggestions.length, `port ${port}`).toBeGreaterThanOrEqual(3);
        for (const { port: alternative } of suggestions) {
          expect(enginesBlocking(alternative), `${port} -> ${alternative}`).toEqual([]);
          expect(alternative).toBeGreaterThanOrEqual(1024);
          expect(alternative).toBeLessThan(49152);
          expect(isSafePort(alternative)).toBe(true);
        }
      }
    }
  });

  it.each([
    [6000, [6001, 6002, 6100, 10000]],
    [6665, [6680, 6681, 6700, 10000]],
    [6669, [6680, 6681, 6700, 10000]],
    [10080, [10081, 10082, 10100, 11000]],
    [4190, [4191, 4192, 4300, 10000]],
    [22, [8022, 8023, 8024, 8100]],
  ])('%i -> %j', (port, expected) => {
    expect(ports(port)).toEqual(expected);
  });

  it('never suggests the IRC family around 6665-6669, 6679 included', () => {
    for (const port of [6665, 6666, 6667, 6668, 6669, 6697]) {
      for (const alternative of ports(port)) expect(alternative < 6660 || alternative > 6679).toBe(true);
    }
  });

  it('gives each suggestion a reason and is deterministic', () => {
    expect(suggestAlternatives(6000)).toEqual([
      { port: 6001, reason: 'nearest' },
      { port: 6002, reason: 'nearest' },
      { port: 6100, reason: 'round' },
      { port: 10000, reason: 'round' },
    ]);
    for (const port of BAD_PORTS) expect(suggestAlternatives(port)).toEqual(suggestAlternatives(port));
  });

  it('leads with safe preferred ports and skips unsafe or taken ones', () => {
    expect(
      suggestAlternatives(6000, { preferred: [6667, 3000, 7777], avoid: [6001] }).map((a) => [
        a.port,
        a.reason,
      ]),
    ).toEqual([
      [7777, 'preferred'],
      [6002, 'nearest'],
      [6003, 'nearest'],
      [6100, 'round'],
    ]);
  });

  it.each([5000, 7000, 3000, 5173, 8080, 5432, 6379, 3389, 49152, 65535, 80, 1023, 6670, 6679])(
    '%i is not a safe port',
    (port) => {
      expect(isSafePort(port)).toBe(false);
    },
  );

  it("looks below when the port sits above the safe ports: under Linux's ephemeral range", () => {
    expect(ports(49151)).toEqual([32767, 32766, 32765, 32764]);
  });

  it.each([32000, 32767, 32768, 40000, 49151, 60999])(
    "suggests nothing in Linux's ephemeral range 32768-60999 (facts-audit.md row 11) for %i",
    (port) => {
      for (const suggested of ports(port)) expect(suggested).toBeLessThan(32768);
    },
  );
});
