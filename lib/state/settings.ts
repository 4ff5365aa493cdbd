/**
 * Every setting, declared once. Stored values are untrusted: each read is validated field by field, and a bad
 * field (or a bad entry of a list) falls back to its default, so a corrupt, hand-edited or imported store can
 * never break the extension. Kept in storage.sync (it follows the user to their other machines) with a copy
 * in storage.local, which is read when sync is unavailable or over its quota.
 */
import { storage } from 'wxt/utils/storage';
import { isDevServerId, type DevServerId } from '../commands/dev-server-ids.ts';
import { HISTORY_SIZE, historyItem, MAX_HISTORY_SIZE } from './history.ts';
import { parseHostPattern } from '../core/host-patterns.ts';
import { parsePortEntry, parseSinglePort } from '../ports/port-list.ts';
import { isRecord } from '../core/guards.ts';
import { isWebUrl, safeUrl } from '../core/url.ts';

/** What Port Doctor does when a whole tab fails. */
export const REACTIONS = ['explain', 'notify', 'badge', 'nothing'] as const;
export type Reaction = (typeof REACTIONS)[number];

export interface Settings {
  /** A tab that fails because its port is blocked. */
  blockedNavigation: Reaction;
  /** A tab on a local host that fails otherwise: connection refused, https to an http server, a non-HTTP port. */
  localFailures: Reaction;
  /** The card inside a live page whose own requests hit a blocked port. */
  overlay: boolean;
  /** Origins where the in-page card is not shown ("Don't show on this site"). */
  mutedSites: string[];
  /** Hosts that count as local besides the built-in ones: "devbox.lan", "*.test", "192.168.1.20". */
  localHosts: string[];
  /** Ports the user unblocked in their own browser ("6000", "6665-6669"): Port Doctor stays quiet about them. */
  unblockedPorts: string[];
  /** Suggestions lead with these when they are safe. */
  preferredPorts: number[];
  /** The explanation page shows how to override the block in each browser. */
  showOverrides: boolean;
  /** How many failures the popup remembers (0 keeps none). */
  historySize: number;
  /** The dev server whose move command the explanation shows first: the user's last choice. */
  devServer: DevServerId;
}

export const LIMITS = Object.freeze({
  mutedSites: 200,
  localHosts: 100,
  unblockedPorts: 100,
  preferredPorts: 10,
  historySize: MAX_HISTORY_SIZE,
  /** Longest text kept for one list entry. */
  entryLength: 300,
});

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  blockedNavigation: 'explain',
  localFailures: 'badge',
  overlay: true,
  mutedSites: [],
  localHosts: [],
  unblockedPorts: [],
  preferredPorts: [],
  showOverrides: true,
  historySize: HISTORY_SIZE,
  devServer: 'vite',
});

export const SETTING_KEYS = Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[];

export interface Validated {
  settings: Settings;
  /** The fields that were missing or invalid (all or some entries) and got their default, and unknown keys. */
  repaired: string[];
}

function reaction(value: unknown): Reaction | null {
  return typeof value === 'string' && (REACTIONS as readonly string[]).includes(value)
    ? (value as Reaction)
    : null;
}

function boolean(value: unknown): boolean | null {
  return typeof value === 'boolean' ? value : null;
}

function historySize(value: unknown): number | null {
  return Number.isInteger(value) && (value as number) >= 0 && (value as number) <= LIMITS.historySize
    ? (value as number)
    : null;
}

function origin(item: string): string | null {
  return isWebUrl(item) && safeUrl(item)?.origin === item ? item : null;
}

/**
 * A list field: each entry normalized by `entry` (null drops it), deduplicated and capped; entries past the
 * cap are not even looked at. `clean` is false when anything was dropped. A value that is no array is null.
 */
function list<T>(
  value: unknown,
  limit: number,
  entry: (item: unknown) => T | null,
): { items: T[]; clean: boolean } | null {
  if (!Array.isArray(value)) return null;
  const items = new Set<T>();
  for (let index = 0; index < value.length && items.size < limit; index++) {
    const item = entry(value[index]);
    if (item !== null) items.add(item);
  }
  return { items: [...items], clean: items.size === value.length };
}

const text = (parse: (input: string) => string | null) => (item: unknown) =>
  typeof item === 'string' && item.length <= LIMITS.entryLength ? parse(item) : null;

const LISTS = {
  mutedSites: { limit: LIMITS.mutedSites, entry: text(origin) },
  localHosts: {
    limit: LIMITS.localHosts,
    entry: text((item) => {
      const parsed = parseHostPattern(item);
      return parsed.ok ? parsed.pattern : null;
    }),
  },
  unblockedPorts: {
    limit: LIMITS.unblockedPorts,
    entry: text((item) => {
      const parsed = parsePortEntry(item);
      return parsed.ok ? parsed.entry : null;
    }),
  },
  preferredPorts: {
    limit: LIMITS.preferredPorts,
    entry: (item: unknown) => {
      const parsed = Number.isInteger(item) ? parseSinglePort(String(item)) : null;
      return parsed?.ok ? parsed.range.from : null;
    },
  },
} as const;

const SCALARS = {
  blockedNavigation: reaction,
  localFailures: reaction,
  overlay: boolean,
  showOverrides: boolean,
  historySize,
  devServer: (value: unknown) => (isDevServerId(value) ? value : null),
} as const;

export function validateSettings(raw: unknown): Validated {
  if (!isRecord(raw)) return { settings: defaultSettings(), repaired: ['(all)'] };
  const settings = defaultSettings();
  const repaired: string[] = [];
  const target = settings as unknown as Record<string, unknown>;
  for (const [key, read] of Object.entries(SCALARS)) {
    const value = read(raw[key]);
    if (value === null) repaired.push(key);
    else target[key] = value;
  }
  for (const [key, { limit, entry }] of Object.entries(LISTS)) {
    const result = list<unknown>(raw[key], limit, entry);
    if (result) target[key] = result.items;
    if (!result?.clean) repaired.push(key);
  }
  // Object.hasOwn: "constructor" or "__proto__" in a file are unknown keys, not the prototype's.
  for (const key of Object.keys(raw))
    if (!Object.hasOwn(DEFAULT_SETTINGS, key)) repaired.push(`unknown key "${key}"`);
  return { settings, repaired };
}

/** Fresh defaults (the lists are new arrays, never the frozen default's). */
export function defaultSettings(): Settings {
  return structuredClone({ ...DEFAULT_SETTINGS }) as Settings;
}

/**
 * v1 (Port Doctor 0.1, storage.local) had the two reactions and the muted sites. v2 adds the rest; the new
 * fields get their defaults here, so an upgrade is not reported as a repair. Tolerant of any value.
 */
export function migrateToV2(v1: unknown): unknown {
  // Anything else the value holds is kept for validation to judge: nothing the user set is lost.
  return isRecord(v1) ? { ...defaultSettings(), ...v1 } : v1;
}

/** v3 remembers the dev server the user picked on the explanation (devServer); earlier values get the default. */
export function migrateToV3(v2: unknown): unknown {
  return isRecord(v2) ? { devServer: DEFAULT_SETTINGS.devServer, ...v2 } : v2;
}

/** Each version's migration from the one before: the storage items and imported files run the same chain. */
const MIGRATIONS: Record<number, (value: unknown) => unknown> = { 2: migrateToV2, 3: migrateToV3 };
export const SETTINGS_VERSION = 3;

/** A stored or exported value of settings version `version`, brought to the current version. */
export function migrateSettings(value: unknown, version: number): unknown {
  let current = value;
  for (let next = version + 1; next <= SETTINGS_VERSION; next++)
    current = MIGRATIONS[next]?.(current) ?? current;
  return current;
}

const ITEM_OPTIONS = { version: SETTINGS_VERSION, migrations: MIGRATIONS };
/** Where the settings live. Raw values: read them through loadSettings(). */
export const syncSettingsItem = storage.defineItem<unknown>('sync:settings', ITEM_OPTIONS);
export const localSettingsItem = storage.defineItem<unknown>('local:settings', ITEM_OPTIONS);

/** The stored value: sync's when it has one, else the local copy (sync off, unavailable or over quota). */
async function readStored(): Promise<unknown> {
  try {
    const synced = await syncSettingsItem.getValue();
    if (synced !== null && synced !== undefined) return synced;
  } catch (error) {
    console.info('[Port Doctor] storage.sync unavailable, using the local copy:', error);
  }
  return localSettingsItem.getValue();
}

/** The current settings, validated; a repair is logged, never thrown. */
export async function loadSettings(): Promise<Settings> {
  const stored = await readStored().catch(() => undefined);
  // Nothing stored yet is a fresh install, not a repair.
  if (stored === null || stored === undefined) return defaultSettings();
  const { settings, repaired } = validateSettings(stored);
  if (repaired.length > 0)
    console.warn('[Port Doctor] settings repaired, defaults used for:', repaired.join(', '));
  return settings;
}

/**
 * The settings as the background keeps them: read once, then re-read only after a change in either area,
 * so a failure is handled without a storage round trip and an options change still applies at once.
 */
export class SettingsCache {
  #current: Promise<Settings> | undefined;
  #ready: Settings | undefined;

  get(): Promise<Settings> {
    this.#current ??= loadSettings().then((settings) => (this.#ready = settings));
    return this.#current;
  }

  /** The settings if they are read already, without waiting: for decisions that cannot wait. */
  now(): Settings | undefined {
    return this.#ready;
  }

  /** For storage.onChanged: forgets the settings when a change touches them. */
  changed(changes: Record<string, unknown>, area: string): void {
    if ((area === 'sync' || area === 'local') && ('settings' in changes || 'settings$' in changes)) {
      this.#current = undefined;
      this.#ready = undefined;
      void this.get();
    }
  }
}

/**
 * Saves settings (validated first) to both areas; either one is enough. A full storage.local (the
 * history is the only other thing there) gives up the history to make room: settings always win.
 */
export async function saveSettings(next: unknown): Promise<Settings> {
  const { settings } = validateSettings(next);
  const local = await localSettingsItem.setValue(settings).then(
    () => true,
    async (error: unknown) => {
      console.warn('[Port Doctor] storage.local refused the settings; clearing the history for room:', error);
      await historyItem.setValue([]).catch(() => undefined);
      return localSettingsItem.setValue(settings).then(
        () => true,
        () => false,
      );
    },
  );
  try {
    await syncSettingsItem.setValue(settings);
  } catch (error) {
    // Over sync's per-item quota (8 KB in Chrome) or sync unavailable: the local copy must then win.
    console.info('[Port Doctor] settings not synced:', error);
    await syncSettingsItem.removeValue().catch(() => undefined);
    if (!local) throw new Error('Neither storage area took the settings', { cause: error });
  }
  return settings;
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * Reads, changes and saves the settings as one step, so that two changes at once (the card's "Don't show on
 * this site" in the background and a save on the options page) cannot lose either. Across the extension's
 * pages and its worker through a Web Lock (same origin, one lock); in one context through a queue, where
 * Web Locks are missing (the unit tests' Node).
 */
export function updateSettings(change: (current: Settings) => Partial<Settings>): Promise<Settings> {
  const step = async () => {
    const current = await loadSettings();
    return saveSettings({ ...current, ...change(current) });
  };
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  const run = locks ? () => locks.request('port-doctor-settings', step) : step;
  const next = queue.then(run, run);
  queue = next.catch(() => undefined);
  return next;
}

/** Calls back with the validated settings whenever they change, from any page. Returns the unwatch. */
export function watchSettings(callback: (settings: Settings) => void): () => void {
  const changed = () => void loadSettings().then(callback);
  const unwatch = [syncSettingsItem.watch(changed), localSettingsItem.watch(changed)];
  return () => unwatch.forEach((stop) => stop());
}

/** "Don't show on this site": remembers the origin. */
export async function muteSite(origin: string): Promise<void> {
  await updateSettings(({ mutedSites }) =>
    mutedSites.includes(origin) ? {} : { mutedSites: [...mutedSites, origin].slice(-LIMITS.mutedSites) },
  );
}
