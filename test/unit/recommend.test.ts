import { describe, expect, it } from 'vitest';
import type { PortState } from '@/lib/view/probe';
import { recommendedPort } from '@/lib/ports/recommend';

const PORTS = [6001, 6002, 6100, 11000];

describe('recommendedPort: the suggestion the explanation selects first', () => {
  it.each<[string, Record<number, PortState>, boolean, number | undefined]>([
    ['nothing probed yet: the first', {}, false, 6001],
    ['all free: the first', { 6001: 'free', 6002: 'free', 6100: 'free', 11000: 'free' }, true, 6001],
    [
      'a server answers on the first: the next free one',
      { 6001: 'in-use', 6002: 'free', 6100: 'free', 11000: 'free' },
      true,
      6002,
    ],
    ['the first taken while the others run: the next not taken', { 6001: 'in-use' }, false, 6002],
    ['the second answers first, the first still running: the first stays', { 6002: 'free' }, false, 6001],
    [
      'the first could not be checked, a later one is free: the free one',
      { 6001: 'unknown', 6002: 'in-use', 6100: 'free', 11000: 'unknown' },
      true,
      6100,
    ],
    [
      'none free, some unknown: the first not taken',
      { 6001: 'in-use', 6002: 'unknown', 6100: 'in-use', 11000: 'unknown' },
      true,
      6002,
    ],
    [
      'all taken: still the first',
      { 6001: 'in-use', 6002: 'in-use', 6100: 'in-use', 11000: 'in-use' },
      true,
      6001,
    ],
  ])('%s', (_, states, done, expected) => {
    expect(recommendedPort(PORTS, states, done)).toBe(expected);
  });

  it('no suggestions: none', () => {
    expect(recommendedPort([], {}, true)).toBeUndefined();
  });
});
