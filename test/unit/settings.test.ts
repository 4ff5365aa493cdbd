import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, validateSettings } from '@/lib/settings';

describe('validateSettings', () => {
  it('keeps valid settings', () => {
    expect(validateSettings({ blockedNavigation: 'badge' })).toEqual({
      settings: { blockedNavigation: 'badge' },
      repaired: [],
    });
  });

  it.each([null, undefined, 42, 'explain', [], [1, 2]])('replaces a stored %j with the defaults', (raw) => {
    expect(validateSettings(raw)).toEqual({ settings: DEFAULT_SETTINGS, repaired: ['(all)'] });
  });

  it.each([{}, { blockedNavigation: 3 }, { blockedNavigation: 'EXPLAIN' }, { blockedNavigation: null }])(
    'repairs the field of %j',
    (raw) => {
      expect(validateSettings(raw)).toEqual({ settings: DEFAULT_SETTINGS, repaired: ['blockedNavigation'] });
    },
  );
});
