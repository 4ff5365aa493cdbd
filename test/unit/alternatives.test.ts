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
    // 10000 is Webmin's default: the round thousand after 6000 is 11000.
    [6000, [6001, 6002, 6100, 11000]],
    [6665, [6680, 6681, 6700, 11000]],
    [6669, [6680, 6681, 6700, 11000]],
    [10080, [10081, 10082, 10100, 11000]],
    [4190, [4191, 4192, 4300, 11000]],
    [22, [8022, 8023, 8024, 8100]],
  ])('%i -> %j', (port, expected) => {
    expect(ports(port)).toEqual(expected);
  });

  it('never suggests the IRC family around 6665-6669, 6679 included', () => {
    for (const port of [6665, 6666, 6667, 6668, 6669, 6697]) {
      for (const alternative of ports(port)) expect(alternative < 6660 || alternative > 6679).toBe(true);
    }
  });

  it('gives each suggestion its own true reason and is deterministic', () => {
    expect(suggestAlternatives(6000)).toEqual([
      { port: 6001, reason: 'next', base: 6000 },
      { port: 6002, reason: 'near', base: 6000 },
      { port: 6100, reason: 'round-hundred', base: 6000 },
      { port: 11000, reason: 'round-thousand', base: 6000 },
    ]);
    // A privileged port: the reasons speak of its +8000 twin, the twin's of the port itself.
    expect(suggestAlternatives(22)).toEqual([
      { port: 8022, reason: 'unprivileged-twin', base: 22 },
      { port: 8023, reason: 'next', base: 8022 },
      { port: 8024, reason: 'near', base: 8022 },
      { port: 8100, reason: 'round-hundred', base: 8022 },
    ]);
    // Above the safe ports: the ones just below.
    expect(suggestAlternatives(49151).map((a) => a.reason)).toEqual(['below', 'below', 'below', 'below']);
    for (const port of BAD_PORTS) {
      const reasons = suggestAlternatives(port).map((a) => a.reason);
      expect(reasons.filter((reason) => reason === 'next').length, `port ${port}`).toBeLessThanOrEqual(1);
      expect(reasons.filter((reason) => reason === 'near').length, `port ${port}`).toBeLessThanOrEqual(1);
    }
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
      [6002, 'next'],
      [6003, 'near'],
      [6100, 'round-hundred'],
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

  // Linux's default ip_local_port_range (kernel Documentation/networking/ip-sysctl.rst).
  it.each([32000, 32767, 32768, 40000, 49151, 60999])(
    "suggests nothing in Linux's ephemeral range 32768-60999 for %i",
    (port) => {
      for (const suggested of ports(port)) expect(suggested).toBeLessThan(32768);
    },
  );
});
