/**
 * Each settings version's migration from the one before: the storage items (store.ts) and imported files
 * (file.ts) run the same chain. Tolerant of any value: validation judges what comes out.
 */
import { isRecord } from '../../core/guards.ts';
import { DEFAULT_SETTINGS, defaultSettings } from './schema.ts';

/**
 * v1 (Port Doctor 0.1, storage.local) had the two reactions and the muted sites. v2 adds the rest; the new
 * fields get their defaults here, so an upgrade is not reported as a repair.
 */
export function migrateToV2(v1: unknown): unknown {
  // Anything else the value holds is kept for validation to judge: nothing the user set is lost.
  return isRecord(v1) ? { ...defaultSettings(), ...v1 } : v1;
}

/** v3 remembers the dev server the user picked on the explanation (devServer); earlier values get the default. */
export function migrateToV3(v2: unknown): unknown {
  return isRecord(v2) ? { devServer: DEFAULT_SETTINGS.devServer, ...v2 } : v2;
}

export const MIGRATIONS: Record<number, (value: unknown) => unknown> = { 2: migrateToV2, 3: migrateToV3 };
export const SETTINGS_VERSION = 3;

/** A stored or exported value of settings version `version`, brought to the current version. */
export function migrateSettings(value: unknown, version: number): unknown {
  let current = value;
  for (let next = version + 1; next <= SETTINGS_VERSION; next++)
    current = MIGRATIONS[next]?.(current) ?? current;
  return current;
}
