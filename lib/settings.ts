/**
 * Every setting, declared once. Stored values are untrusted: each read is validated field by field and a
 * bad field falls back to its default, so a corrupt or hand-edited store can never break the extension.
 */
import { storage } from 'wxt/utils/storage';

/** What Port Doctor does when a whole tab fails on a blocked port. */
export const REACTIONS = ['explain', 'badge', 'nothing'] as const;
export type Reaction = (typeof REACTIONS)[number];

export interface Settings {
  /** A tab that fails because its port is blocked. */
  blockedNavigation: Reaction;
  /** A tab on a local host that fails otherwise: connection refused, https to an http server, a non-HTTP port. */
  localFailures: Reaction;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  blockedNavigation: 'explain',
  localFailures: 'badge',
});

export interface Validated {
  settings: Settings;
  /** Names of the fields that were missing or invalid and got their default. */
  repaired: string[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function oneOf<T extends string>(choices: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (choices as readonly string[]).includes(value);
}

export function validateSettings(raw: unknown): Validated {
  const input = isRecord(raw) ? raw : {};
  const repaired: string[] = isRecord(raw) ? [] : ['(all)'];
  const settings: Settings = { ...DEFAULT_SETTINGS };
  for (const key of ['blockedNavigation', 'localFailures'] as const) {
    const value = input[key];
    if (oneOf(REACTIONS, value)) settings[key] = value;
    else if (isRecord(raw)) repaired.push(key);
  }
  return { settings, repaired };
}

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});

/** The current settings, validated; a repair is logged, never thrown. */
export async function loadSettings(): Promise<Settings> {
  const { settings, repaired } = validateSettings(await settingsItem.getValue());
  if (repaired.length > 0)
    console.warn('[Port Doctor] settings repaired, defaults used for:', repaired.join(', '));
  return settings;
}
