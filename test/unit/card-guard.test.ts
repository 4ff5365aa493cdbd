import { describe, expect, it } from 'vitest';
import { accepts, drawnAsIs, GUARD_MS, look, UNSEEN, type Drawn, type Steady } from '@/lib/view/card-guard';

const AS_IS: Drawn = {
  opacity: '1',
  filter: 'none',
  transform: 'none',
  scale: 'none',
  rotate: 'none',
  mixBlendMode: 'normal',
  maskImage: 'none',
};

describe('drawnAsIs: the page draws the card as the card draws itself', () => {
  it.each<[string, Partial<Drawn>, boolean]>([
    ['untouched', {}, true],
    ['moved only (a translation)', { transform: 'matrix(1, 0, 0, 1, -12.5, 40)' }, true],
    ['nearly transparent', { opacity: '0.01' }, false],
    ['half transparent', { opacity: '0.5' }, false],
    ['blurred', { filter: 'blur(4px)' }, false],
    ['shrunk by transform', { transform: 'matrix(0.1, 0, 0, 0.1, 0, 0)' }, false],
    ['turned by transform', { transform: 'matrix(-1, 0, 0, -1, 0, 0)' }, false],
    ['in 3D', { transform: 'matrix3d(1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1)' }, false],
    ['shrunk by scale', { scale: '0.2' }, false],
    ['turned by rotate', { rotate: '180deg' }, false],
    ['blended away', { mixBlendMode: 'screen' }, false],
    ['masked', { maskImage: 'linear-gradient(transparent, transparent)' }, false],
  ])('%s on an ancestor → %s', (_, change, expected) => {
    expect(drawnAsIs([AS_IS, { ...AS_IS, ...change }, AS_IS])).toBe(expected);
  });
});

describe('look and accepts: a click counts once the card stood still and uncovered for GUARD_MS', () => {
  const HERE = '10 20 300 120';
  /** Looks at the card at each [time, shown, where], then asks about a click at `click`. */
  const run = (looks: [number, boolean, string][], click: number): boolean => {
    let steady: Steady = UNSEEN;
    for (const [at, shown, where] of looks) steady = look(steady, shown, where, at);
    return accepts(steady, click);
  };

  it.each<[string, [number, boolean, string][], number, boolean]>([
    ['never seen', [], 10_000, false],
    ['a click the moment it appears', [[0, true, HERE]], 0, false],
    ['a click just before the guard ends', [[0, true, HERE]], GUARD_MS - 1, false],
    ['a click once the guard ends', [[0, true, HERE]], GUARD_MS, true],
    [
      'seen again in the same place keeps its start',
      [
        [0, true, HERE],
        [400, true, HERE],
      ],
      GUARD_MS,
      true,
    ],
    [
      'moved: the wait starts again',
      [
        [0, true, HERE],
        [400, true, '10 60 300 120'],
      ],
      800,
      false,
    ],
    [
      'moved, then waited',
      [
        [0, true, HERE],
        [400, true, '10 60 300 120'],
      ],
      900,
      true,
    ],
    [
      'resized by a new line',
      [
        [0, true, HERE],
        [1000, true, '10 0 300 140'],
      ],
      1200,
      false,
    ],
    [
      'covered now',
      [
        [0, true, HERE],
        [1000, false, HERE],
      ],
      2000,
      false,
    ],
    [
      'uncovered again a moment ago',
      [
        [0, true, HERE],
        [1000, false, HERE],
        [1800, true, HERE],
      ],
      2000,
      false,
    ],
    [
      'uncovered again long enough',
      [
        [0, true, HERE],
        [1000, false, HERE],
        [1800, true, HERE],
      ],
      2300,
      true,
    ],
  ])('%s → %s', (_, looks, click, expected) => {
    expect(run(looks, click)).toBe(expected);
  });

  it('keeps the same object while nothing changed (no reactive churn)', () => {
    const first = look(UNSEEN, true, HERE, 0);
    expect(look(first, true, HERE, 100)).toBe(first);
  });
});
