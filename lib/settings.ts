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
  /** Origins where the in-page card is not shown ("Don't show on this site"). */
  mutedSites: string[];
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  blockedNavigation: 'explain',
  localFailures: 'badge',
  mutedSites: [],
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

/** At most this many muted sites are kept: a list, not a database. */
export const MAX_MUTED_SITES = 200;

/** An array of http(s) origins, deduplicated and capped; null when the value is not one. */
function validOrigins(value: unknown): string[] | null {
  if (!Array.isArray(value)) return null;
  const origins = value.filter((item): item is string => {
    if (typeof item !== 'string' || item.length > 300) return false;
    try {
      const url = new URL(item);
      return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === item;
    } catch {
      return false;
    }
  });
  if (origins.length !== value.length) return null;
  return [...new Set(origins)].slice(0, MAX_MUTED_SITES);
}

export function validateSettings(raw: unknown): Validated {
  const input = isRecord(raw) ? raw : {};
  const repaired: string[] = isRecord(raw) ? [] : ['(all)'];
  const settings: Settings = { ...DEFAULT_SETTINGS, mutedSites: [] };
  for (const key of ['blockedNavigation', 'localFailures'] as const) {
    const value = input[key];
    if (oneOf(REACTIONS, value)) settings[key] = value;
    else if (isRecord(raw)) repaired.push(key);
  }
  const sites = validOrigins(input.mutedSites);
  if (sites) settings.mutedSites = sites;
  else if (isRecord(raw)) repaired.push('mutedSites');
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

/** "Don't show on this site": remembers the origin. */
export async function muteSite(origin: string): Promise<void> {
  const settings = await loadSettings();
  if (settings.mutedSites.includes(origin)) return;
  await settingsItem.setValue({
    ...settings,
    mutedSites: [...settings.mutedSites, origin].slice(-MAX_MUTED_SITES),
  });
}
