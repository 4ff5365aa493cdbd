import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  DEFAULT_SETTINGS,
  defaultSettings,
  LIMITS,
  migrateSettings,
  migrateToV2,
  migrateToV3,
  REACTIONS,
  SETTING_KEYS,
  validateSettings,
  type Settings,
  loadSettings,
  updateSettings,
} from '@/lib/state/settings';
import { muteSite } from '@/lib/background/handlers';

const valid: Settings = {
  blockedNavigation: 'badge',
  localFailures: 'explain',
  overlay: false,
  mutedSites: ['http://localhost:5173'],
  localHosts: ['*.test', 'devbox.lan'],
  unblockedPorts: ['6000', '6665-6669'],
  preferredPorts: [8787],
  showOverrides: false,
  historySize: 50,
  runningHere: false,
  scanPorts: [4455, 9090],
  devServer: 'django',
};

describe('validateSettings', () => {
  it('keeps valid settings as they are', () => {
    expect(validateSettings(valid)).toEqual({ settings: valid, repaired: [] });
  });

  it('has these defaults: explain blocked ports, badge other local failures, the card on, "Running here" on', () => {
    expect(DEFAULT_SETTINGS).toEqual({
      blockedNavigation: 'explain',
      localFailures: 'badge',
      overlay: true,
      mutedSites: [],
      localHosts: [],
      unblockedPorts: [],
      preferredPorts: [],
      showOverrides: true,
      devServer: 'vite',
      historySize: 20,
      runningHere: true,
      scanPorts: [],
    });
    expect(validateSettings(DEFAULT_SETTINGS)).toEqual({ settings: DEFAULT_SETTINGS, repaired: [] });
  });

  it.each([null, undefined, 42, 'explain', [], [1, 2], true])(
    'replaces a stored %j with the defaults',
    (raw) => {
      expect(validateSettings(raw)).toEqual({ settings: DEFAULT_SETTINGS, repaired: ['(all)'] });
    },
  );

  it('reports every missing field and fills it with its default', () => {
    const { settings, repaired } = validateSettings({});
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect([...repaired].sort()).toEqual([...SETTING_KEYS].sort());
  });

  // Each row: one field set to a bad value; only that field is repaired, the others stay as stored.
  const huge = 'x'.repeat(100_000);
  it.each<[keyof Settings, unknown]>([
    ['blockedNavigation', 3],
    ['blockedNavigation', 'EXPLAIN'],
    ['blockedNavigation', huge],
    ['localFailures', null],
    ['localFailures', {}],
    ['overlay', 'yes'],
    ['overlay', 1],
    ['showOverrides', null],
    ['historySize', -1],
    ['historySize', 101],
    ['historySize', 2.5],
    ['historySize', '20'],
    ['historySize', Number.MAX_SAFE_INTEGER],
    ['historySize', Number.NaN],
    ['mutedSites', 'http://localhost'],
    ['localHosts', { '*.test': true }],
    ['unblockedPorts', 6000],
    ['preferredPorts', '8787'],
  ])('repairs only %s when it is %j', (field, value) => {
    const { settings, repaired } = validateSettings({ ...valid, [field]: value });
    expect(repaired).toEqual([field]);
    expect(settings).toEqual({ ...valid, [field]: DEFAULT_SETTINGS[field] });
  });

  it.each<[keyof Settings, unknown[], unknown[]]>([
    ['mutedSites', ['javascript:alert(1)', 'http://localhost:5173'], ['http://localhost:5173']],
    ['mutedSites', ['http://localhost:5173/path', 7, huge], []],
    ['localHosts', ['*.test', 'not a host', '<b>x</b>', '*.*.x'], ['*.test']],
    ['localHosts', ['DevBox.LAN.', 'devbox.lan'], ['devbox.lan']],
    ['unblockedPorts', ['6000', '0', '70000', '6669-6665', 'x', 6000], ['6000']],
    ['unblockedPorts', [' 6665 - 6669 ', 'nope'], ['6665-6669']],
    ['preferredPorts', [8787, 0, 65536, 1.5, '3000', 8787], [8787]],
  ])('keeps the good entries of %s %j: %j', (field, value, kept) => {
    const { settings, repaired } = validateSettings({ ...valid, [field]: value });
    expect(settings[field]).toEqual(kept);
    expect(repaired).toEqual([field]);
  });

  it.each<[keyof Settings, number, (index: number) => unknown]>([
    ['mutedSites', LIMITS.mutedSites, (index) => `http://localhost:${1000 + index}`],
    ['localHosts', LIMITS.localHosts, (index) => `host${index}.lan`],
    ['unblockedPorts', LIMITS.unblockedPorts, (index) => String(20_000 + index)],
    ['preferredPorts', LIMITS.preferredPorts, (index) => 20_000 + index],
  ])('caps %s at %i entries, keeping the first ones', (field, limit, entry) => {
    const value = Array.from({ length: 100_000 }, (_, index) => entry(index));
    const { settings, repaired } = validateSettings({ ...valid, [field]: value });
    expect(settings[field]).toEqual(value.slice(0, limit));
    expect(repaired).toEqual([field]);
  });

  it('drops unknown keys and says so, keeping the rest', () => {
    const { settings, repaired } = validateSettings({ ...valid, theme: 'dark' });
    expect(settings).toEqual(valid);
    expect(repaired).toEqual(['unknown key "theme"']);
  });

  it("calls keys named like Object's own members unknown, as JSON brings them", () => {
    // JSON.parse makes "__proto__" an own key (an object literal would set the prototype instead).
    const raw: unknown = JSON.parse(
      JSON.stringify(valid).replace(/^\{/, '{"__proto__":{"overlay":false},"constructor":1,"toString":2,'),
    );
    const { settings, repaired } = validateSettings(raw);
    expect(settings).toEqual(valid);
    expect(repaired.sort()).toEqual([
      'unknown key "__proto__"',
      'unknown key "constructor"',
      'unknown key "toString"',
    ]);
  });

  it('accepts every reaction for both reactions', () => {
    for (const reaction of REACTIONS) {
      const raw = { ...valid, blockedNavigation: reaction, localFailures: reaction };
      expect(validateSettings(raw).repaired).toEqual([]);
    }
  });

  it('never hands out the frozen defaults themselves', () => {
    const settings = defaultSettings();
    settings.mutedSites.push('http://localhost:1');
    expect(DEFAULT_SETTINGS.mutedSites).toEqual([]);
  });
});

describe('migrateToV2', () => {
  it('keeps what v1 had and adds the new fields with their defaults: no repair reported', () => {
    const v1 = {
      blockedNavigation: 'badge',
      localFailures: 'nothing',
      mutedSites: ['http://localhost:3000'],
    };
    const migrated = migrateToV2(v1);
    expect(migrated).toEqual({ ...DEFAULT_SETTINGS, ...v1 });
    expect(validateSettings(migrated).repaired).toEqual([]);
  });

  it('leaves bad v1 fields for validation to repair, and passes a non-object through', () => {
    expect(validateSettings(migrateToV2({ blockedNavigation: 7 })).repaired).toEqual(['blockedNavigation']);
    expect(migrateToV2('garbage')).toBe('garbage');
    expect(migrateToV2(null)).toBe(null);
  });
});

describe('migrateToV3 and migrateSettings', () => {
  it('v2 settings keep every value and get the default dev server: no repair reported', () => {
    const v2 = { ...DEFAULT_SETTINGS, localFailures: 'explain', preferredPorts: [7777] } as Record<
      string,
      unknown
    >;
    delete v2.devServer;
    const migrated = migrateToV3(v2);
    expect(migrated).toEqual({ ...DEFAULT_SETTINGS, localFailures: 'explain', preferredPorts: [7777] });
    expect(validateSettings(migrated).repaired).toEqual([]);
  });

  it('keeps a dev server the value already has, and brings v1 through v2 and v3', () => {
    expect(migrateToV3({ devServer: 'django' })).toEqual({ devServer: 'django' });
    expect(migrateSettings({ blockedNavigation: 'badge' }, 1)).toEqual({
      ...DEFAULT_SETTINGS,
      blockedNavigation: 'badge',
    });
    expect(migrateToV3('garbage')).toBe('garbage');
  });

  it.each([['vite'], ['docker'], ['compose']])('accepts the dev server %s', (devServer) => {
    expect(validateSettings({ ...DEFAULT_SETTINGS, devServer }).settings.devServer).toBe(devServer);
  });

  it.each([[''], ['Vite'], ['<script>'], [7], [null]])(
    'repairs the dev server %j to the default',
    (devServer) => {
      const { settings, repaired } = validateSettings({ ...DEFAULT_SETTINGS, devServer });
      expect(settings.devServer).toBe('vite');
      expect(repaired).toEqual(['devServer']);
    },
  );
});

describe('settings in storage', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.resetModules();
  });

  // The storage items run their migrations when the module is loaded, as in the extension.
  const load = () => import('@/lib/state/settings');

  it('a fresh install reads the defaults, runs no migration and logs no repair', async () => {
    const warn = vi.spyOn(console, 'warn');
    const { loadSettings } = await load();
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
    expect(warn).not.toHaveBeenCalled();
    // A migration writes the migrated value and its version: nothing was written.
    expect(await fakeBrowser.storage.local.get()).toEqual({});
    expect(await fakeBrowser.storage.sync.get()).toEqual({});
  });

  it('migrates v1 settings kept in storage.local (Port Doctor 0.1)', async () => {
    const v1 = {
      blockedNavigation: 'nothing',
      localFailures: 'explain',
      mutedSites: ['http://localhost:3000'],
    };
    await fakeBrowser.storage.local.set({ settings: v1 });
    const { loadSettings, SETTINGS_VERSION } = await load();
    expect(await loadSettings()).toEqual({ ...DEFAULT_SETTINGS, ...v1 });
    expect(await fakeBrowser.storage.local.get('settings$')).toEqual({ settings$: { v: SETTINGS_VERSION } });
  });

  it('saves to storage.sync and storage.local, and reads sync first', async () => {
    const { loadSettings, saveSettings } = await load();
    await saveSettings(valid);
    expect(await fakeBrowser.storage.sync.get('settings')).toEqual({ settings: valid });
    expect(await fakeBrowser.storage.local.get('settings')).toEqual({ settings: valid });
    await fakeBrowser.storage.local.set({ settings: { ...valid, historySize: 1 } });
    expect((await loadSettings()).historySize).toBe(50);
  });

  it('keeps working on the local copy when storage.sync fails (unavailable or over quota)', async () => {
    const { loadSettings, saveSettings } = await load();
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValue(
      new Error('QUOTA_BYTES_PER_ITEM quota exceeded'),
    );
    vi.spyOn(fakeBrowser.storage.sync, 'get').mockRejectedValue(new Error('sync is disabled'));
    vi.spyOn(console, 'info').mockImplementation(() => undefined);
    expect(await saveSettings(valid)).toEqual(valid);
    expect(await loadSettings()).toEqual(valid);
  });

  it('validates what it saves: a bad field is stored as its default', async () => {
    const { saveSettings } = await load();
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(await saveSettings({ ...valid, historySize: 'lots' })).toEqual({ ...valid, historySize: 20 });
  });

  it('repairs a corrupt store field by field and logs the repair, never throws', async () => {
    await fakeBrowser.storage.sync.set({ settings: { ...valid, overlay: 'sure', preferredPorts: {} } });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { loadSettings } = await load();
    expect(await loadSettings()).toEqual({ ...valid, overlay: true, preferredPorts: [] });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('repaired'), 'overlay, preferredPorts');
  });

  it('mutes a site once, keeping the other settings', async () => {
    const { loadSettings, saveSettings } = await load();
    const { muteSite } = await import('@/lib/background/handlers');
    await saveSettings(valid);
    await muteSite('http://localhost:8080');
    await muteSite('http://localhost:8080');
    expect(await loadSettings()).toEqual({
      ...valid,
      mutedSites: ['http://localhost:5173', 'http://localhost:8080'],
    });
  });
});

describe('updateSettings: one read-change-write at a time', () => {
  beforeEach(() => fakeBrowser.reset());

  it('a mute from a card and a save from the options page at once: both are kept', async () => {
    await Promise.all([
      muteSite('http://localhost:5173'),
      updateSettings(() => ({ historySize: 5 })),
      muteSite('http://localhost:3000'),
      updateSettings(() => ({ overlay: false })),
    ]);
    const settings = await loadSettings();
    expect(settings.mutedSites.sort()).toEqual(['http://localhost:3000', 'http://localhost:5173']);
    expect(settings.historySize).toBe(5);
    expect(settings.overlay).toBe(false);
  });

  it('a change that throws does not stop the next one', async () => {
    await expect(
      updateSettings(() => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    await updateSettings(() => ({ historySize: 3 }));
    expect((await loadSettings()).historySize).toBe(3);
  });
});
