import { describe, expect, it } from 'vitest';
import {
  exportSettings,
  FILE_FORMAT,
  importSettings,
  MAX_FILE_BYTES,
  newLocalHosts,
} from '@/lib/state/settings/file';
import { DEFAULT_SETTINGS, SETTINGS_VERSION, type Settings } from '@/lib/state/settings';

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

  // The size is the file's, in bytes, and an oversized file is "too large", never
  // "not JSON" (a byte slice cut mid-character used to be judged by its UTF-16 length).
  it.each([
    ['a file of MAX_FILE_BYTES + 1 bytes, before it is read', '', MAX_FILE_BYTES + 1, 'too-large'],
    ['a huge file, before it is read', '', 50 * 1024 * 1024, 'too-large'],
    [
      'text of 3-byte characters over the bytes, under the UTF-16 units',
      '한'.repeat(MAX_FILE_BYTES / 2),
      undefined,
      'too-large',
    ],
    [
      'a file of exactly MAX_FILE_BYTES bytes that is no JSON',
      ' '.repeat(MAX_FILE_BYTES) + 'x',
      MAX_FILE_BYTES,
      'not-json',
    ],
  ])('%s: %s', (_name, text, bytes, reason) => {
    expect(importSettings(text, bytes)).toEqual({ ok: false, error: { reason } });
  });

  it.each([
    [['*.test', 'devbox.lan'], ['*.test'], ['devbox.lan']],
    [['*.test'], ['*.test', 'devbox.lan'], []],
    [[], ['*.test'], []],
    [['b.lan', 'a.lan'], [], ['b.lan', 'a.lan']],
  ])('an import of %j over %j adds %j', (imported, current, added) => {
    expect(newLocalHosts(imported, current)).toEqual(added);
  });
});
