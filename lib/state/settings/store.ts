/**
 * Where the settings live: storage.sync (they follow the user to their other machines) with a copy in
 * storage.local, which is read when sync is unavailable or over its quota. Every read is validated
 * (schema.ts) and migrated (migrations.ts).
 */
import { storage } from 'wxt/utils/storage';
import { historyItem } from '../history.ts';
import { MIGRATIONS, SETTINGS_VERSION } from './migrations.ts';
import { defaultSettings, validateSettings, type Settings } from './schema.ts';

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
