import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, validateSettings } from '@/lib/settings';

describe('validateSettings', () => {
  it('keeps valid settings', () => {
    const settings = {
      blockedNavigation: 'badge',
      localFailures: 'explain',
      mutedSites: ['http://localhost:5173'],
    };
    expect(validateSettings(settings)).toEqual({ settings, repaired: [] });
  });

  it('defaults to the explanation for blocked ports and the badge for other local failures', () => {
    expect(DEFAULT_SETTINGS).toEqual({
      blockedNavigation: 'explain',
      localFailures: 'badge',
      mutedSites: [],
    });
  });

  it.each([null, undefined, 42, 'explain', [], [1, 2]])('replaces a stored %j with the defaults', (raw) => {
    expect(validateSettings(raw)).toEqual({ settings: DEFAULT_SETTINGS, repaired: ['(all)'] });
  });

  it.each([
    [{}, ['blockedNavigation', 'localFailures', 'mutedSites']],
    [{ blockedNavigation: 3, localFailures: 'badge', mutedSites: [] }, ['blockedNavigation']],
    [{ blockedNavigation: 'EXPLAIN', localFailures: 'badge', mutedSites: [] }, ['blockedNavigation']],
    [{ blockedNavigation: 'explain', localFailures: null, mutedSites: [] }, ['localFailures']],
    [
      { blockedNavigation: 'x'.repeat(100_000), localFailures: {}, mutedSites: [] },
      ['blockedNavigation', 'localFailures'],
    ],
    [
      { blockedNavigation: 'explain', localFailures: 'badge', mutedSites: 'http://localhost' },
      ['mutedSites'],
    ],
    [
      { blockedNavigation: 'explain', localFailures: 'badge', mutedSites: ['javascript:alert(1)'] },
      ['mutedSites'],
    ],
    [
      { blockedNavigation: 'explain', localFailures: 'badge', mutedSites: ['http://localhost:5173/path'] },
      ['mutedSites'],
    ],
  ])('repairs field by field: %j', (raw, repaired) => {
    expect(validateSettings(raw)).toEqual({ settings: DEFAULT_SETTINGS, repaired });
  });
});
