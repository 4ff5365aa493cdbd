/**
 * Export and import of the settings as a JSON file. An import is validated like stored settings, but stricter:
 * a file with any wrong field changes nothing and the user is told which fields. Pure.
 */
import { isRecord } from '../../core/guards.ts';
import { migrateSettings, SETTINGS_VERSION } from './migrations.ts';
import { validateSettings, type Settings } from './schema.ts';

export const FILE_FORMAT = 'port-doctor-settings';
/** Far above any real export (200 muted sites...), far below what could hurt the page. */
export const MAX_FILE_BYTES = 256 * 1024;

export interface SettingsFile {
  format: typeof FILE_FORMAT;
  version: number;
  settings: Settings;
}

export function exportSettings(settings: Settings): string {
  const file: SettingsFile = { format: FILE_FORMAT, version: SETTINGS_VERSION, settings };
  return `${JSON.stringify(file, null, 2)}\n`;
}

export type ImportError =
  | { reason: 'too-large' }
  | { reason: 'not-json' }
  | { reason: 'not-port-doctor' }
  | { reason: 'newer-version'; version: number }
  | { reason: 'invalid-fields'; fields: string[] };

export type ImportResult = { ok: true; settings: Settings } | { ok: false; error: ImportError };

/**
 * `bytes` is the file's size as the browser reports it (File.size, in bytes), checked before the file is read
 * (Backup.svelte); text alone is measured in UTF-8 bytes, as it would be saved.
 */
export function importSettings(text: string, bytes = new TextEncoder().encode(text).length): ImportResult {
  if (bytes > MAX_FILE_BYTES) return { ok: false, error: { reason: 'too-large' } };
  let file: unknown;
  try {
    file = JSON.parse(text);
  } catch {
    return { ok: false, error: { reason: 'not-json' } };
  }
  if (!isRecord(file) || file.format !== FILE_FORMAT || !isRecord(file.settings))
    return { ok: false, error: { reason: 'not-port-doctor' } };
  const version = file.version;
  if (!Number.isInteger(version) || (version as number) < 1)
    return { ok: false, error: { reason: 'not-port-doctor' } };
  if ((version as number) > SETTINGS_VERSION)
    return { ok: false, error: { reason: 'newer-version', version: version as number } };
  const current = migrateSettings(file.settings, version as number);
  // Fields missing from the file keep their defaults; a field that is there must be right.
  const present = new Set(Object.keys(current as Record<string, unknown>));
  const { settings, repaired } = validateSettings(current);
  const wrong = repaired.filter((field) => present.has(field) || field.startsWith('unknown key'));
  return wrong.length > 0
    ? { ok: false, error: { reason: 'invalid-fields', fields: wrong } }
    : { ok: true, settings };
}

/**
 * The local hosts an import would add to the user's list: an imported file may come from anyone, and a host
 * counted as local has its failures' addresses kept whole and may be probed on a click, so a file must not
 * make public sites local behind the user's back: the options page asks before they apply. In the file's
 * order.
 */
export function newLocalHosts(imported: readonly string[], current: readonly string[]): string[] {
  return imported.filter((host) => !current.includes(host));
}
