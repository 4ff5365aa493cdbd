import { describe, expect, it } from 'vitest';
import { readFailures, type TabFailure } from '@/lib/state/tab-state';

const FAILURE: TabFailure = {
  kind: 'blocked-port',
  url: 'http://localhost:6000/',
  port: 6000,
  code: 'net::ERR_UNSAFE_PORT',
  engine: 'chromium',
  tabId: 3,
  frameId: 0,
  resource: 'main_frame',
  time: 1,
  count: 1,
};

describe('stored tab failures are read field by field (lib/state/tab-state.ts)', () => {
  // A corrupt stored kind nobody registered made kindById throw, and the card stayed empty.
  it.each([
    ['a registered kind', FAILURE, true],
    ['another registered kind', { ...FAILURE, kind: 'host-guard' }, true],
    ['an unknown kind', { ...FAILURE, kind: 'not-a-kind' }, false],
    ['a kind of the prototype', { ...FAILURE, kind: 'constructor' }, false],
    ['an empty kind', { ...FAILURE, kind: '' }, false],
    ['a kind that is no string', { ...FAILURE, kind: 7 }, false],
    ['no kind', { ...FAILURE, kind: undefined }, false],
    ['a port that is no integer', { ...FAILURE, port: '6000' }, false],
  ])('%s is kept: %s', (_name, failure, kept) => {
    expect(readFailures({ 3: [failure, FAILURE] })).toEqual({ 3: kept ? [failure, FAILURE] : [FAILURE] });
  });

  it.each([[null], [[]], ['x'], [{ tab: [FAILURE] }], [{ 3: 'x' }]])('%j reads as nothing', (stored) => {
    expect(Object.values(readFailures(stored)).flat()).toEqual([]);
  });
});
