import { describe, expect, it } from 'vitest';
import { exportSettings, FILE_FORMAT, importSettings, MAX_FILE_BYTES } from '@/lib/settings-file';
import { DEFAULT_SETTINGS, SETTINGS_VERSION, type Settings } from '@/lib/settings';

const mine: Settings = {
  ...DEFAULT_SETTINGS,
  blockedNavigation: 'badge',
  unblockedPorts: ['6000'],
  preferredPorts: [8787],
};
const file = (settings: unknown, version: unknown = SETTINGS_VERSION, format: unknown = FILE_FORMAT) =>
  JSON.stringify({ format, version, settings });

describe('export and import', () => {
  it('round-trips', () => {
    expect(importSettings(exportSettings(mine))).toEqual({ ok: true, settings: mine });
  });

  it('imports a v1 file through the migration', () => {
    const v1 = { blockedNavigation: 'nothing', localFailures: 'explain', mutedSites: [] };
    expect(importSettings(file(v1, 1))).toEqual({ ok: true, settings: { ...DEFAULT_SETTINGS, ...v1 } });
  });

  it('gives fields missing from the file their defaults', () => {
    expect(importSettings(file({ historySize: 5 }))).toEqual({
      ok: true,
      settings: { ...DEFAULT_SETTINGS, historySize: 5 },
    });
  });

  it.each([
    ['', { reason: 'not-json' }],
    ['{', { reason: 'not-json' }],
    ['<html></html>', { reason: 'not-json' }],
    ['null', { reason: 'not-port-doctor' }],
    ['[]', { reason: 'not-port-doctor' }],
    ['"settings"', { reason: 'not-port-doctor' }],
    [JSON.stringify(mine), { reason: 'not-port-doctor' }],
    [file(mine, SETTINGS_VERSION, 'other-extension'), { reason: 'not-port-doctor' }],
    [file('explain'), { reason: 'not-port-doctor' }],
    [file(mine, 0), { reason: 'not-port-doctor' }],
    [file(mine, '2'), { reason: 'not-port-doctor' }],
    [file(mine, 99), { reason: 'newer-version', version: 99 }],
    [file({ ...mine, historySize: 1e9 }), { reason: 'invalid-fields', fields: ['historySize'] }],
    [
      file({ ...mine, overlay: 'no', unblockedPorts: ['6000', 'x'] }),
      { reason: 'invalid-fields', fields: ['overlay', 'unblockedPorts'] },
    ],
    [file({ ...mine, colour: 'red' }), { reason: 'invalid-fields', fields: ['unknown key "colour"'] }],
    [' '.repeat(MAX_FILE_BYTES + 1), { reason: 'too-large' }],
  ])('refuses %j: %j', (text, error) => {
    expect(importSettings(text)).toEqual({ ok: false, error });
  });
});
