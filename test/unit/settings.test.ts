import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, validateSettings } from '@/lib/settings';

describe('validateSettings', () => {
  it('keeps valid settings', () => {
    expect(validateSettings({ blockedNavigation: 'badge', localFailures: 'explain' })).toEqual({
      settings: { blockedNavigation: 'badge', localFailures: 'explain' },
      repaired: [],
    });
  });

  it('defaults to the explanation for blocked ports and the badge for other local failures', () => {
    expect(DEFAULT_SETTINGS).toEqual({ blockedNavigation: 'explain', localFailures: 'badge' });
  });

  it.each([null, undefined, 42, 'explain', [], [1, 2]])('replaces a stored %j with the defaults', (raw) => {
    expect(validateSettings(raw)).toEqual({ settings: DEFAULT_SETTINGS, repaired: ['(all)'] });
  });

  it.each([
    [{}, ['blockedNavigation', 'localFailures']],
    [{ blockedNavigation: 3, localFailures: 'badge' }, ['blockedNavigation']],
    [{ blockedNavigation: 'EXPLAIN', localFailures: 'badge' }, ['blockedNavigation']],
    [{ blockedNavigation: 'explain', localFailures: null }, ['localFailures']],
    [{ blockedNavigation: 'x'.repeat(100_000), localFailures: {} }, ['blockedNavigation', 'localFailures']],
  ])('repairs field by field: %j', (raw, repaired) => {
    expect(validateSettings(raw)).toEqual({ settings: DEFAULT_SETTINGS, repaired });
  });
});
