/**
 * The last failures this browser saw, newest first, for the popup. storage.local, capped in entries (the
 * setting) and in bytes, so it can never grow without bound; entries hold only what the popup shows, with
 * URLs already bounded by the background (lib/core/bounded.ts), and never a query or fragment: those are dropped
 * here too, on the way in and on the way out (entries kept before this rule may have them). Private windows
 * never reach it (lib/background/effects.ts).
 */
import { storage } from 'wxt/utils/storage';
import { byteLength, withoutQuery } from '../core/bounded.ts';
import type { Failure } from '../kinds/failure.ts';
import { isKindId } from '../kinds/ids.ts';
import { isRecord } from '../core/guards.ts';

/** The default size; the setting may go up to MAX_HISTORY_SIZE. */
export const HISTORY_SIZE = 20;
export const MAX_HISTORY_SIZE = 100;
/** Bytes the history may take, whatever its entries hold; the oldest go first. */
export const MAX_HISTORY_BYTES = 64 * 1024;

export type HistoryEntry = Pick<Failure, 'kind' | 'url' | 'port' | 'code' | 'time'> & {
  /** How many times this URL failed this way (a retrying page, a reloading tab): one row, counted. */
  count?: number;
};

/** A count past this stays there: the number only says "often", and stays a few bytes. */
export const MAX_COUNT = 9999;

export const historyItem = storage.defineItem<unknown>('local:history', { fallback: [] });

/** Dates a Date can hold and a person can read: from 2000 to 2200. */
const EARLIEST = Date.UTC(2000, 0, 1);
const LATEST = Date.UTC(2200, 0, 1);

function isEntry(value: unknown): value is HistoryEntry {
  return (
    isRecord(value) &&
    typeof value.url === 'string' &&
    typeof value.code === 'string' &&
    isKindId(value.kind) &&
    Number.isInteger(value.port) &&
    typeof value.time === 'number' &&
    value.time >= EARLIEST &&
    value.time < LATEST &&
    (value.count === undefined || (Number.isInteger(value.count) && (value.count as number) >= 1))
  );
}

/** The key the popup lists entries by: one entry per URL and error. */
export function historyKey(entry: Pick<HistoryEntry, 'url' | 'code'>): string {
  return `${entry.code} ${entry.url}`;
}

/**
 * Entries newest first, one per URL and error (the newest time, the counts added up), within the entry and byte
 * caps (a count's few bytes are reserved with its row).
 */
function capped(entries: readonly HistoryEntry[], size: number): HistoryEntry[] {
  const kept = new Map<string, HistoryEntry>();
  let bytes = 2;
  for (const entry of entries) {
    const key = historyKey(entry);
    const earlier = kept.get(key);
    const count = Math.min(MAX_COUNT, (earlier?.count ?? 0) + (entry.count ?? 1));
    if (earlier) {
      earlier.count = count;
      continue;
    }
    // Four digits of count reserved with the row, so that a later count never breaks the cap.
    const cost = byteLength(entry) + 16;
    if (kept.size >= size || bytes + cost > MAX_HISTORY_BYTES) break;
    kept.set(key, { ...entry, count });
    bytes += cost;
  }
  return [...kept.values()];
}

/** Stored history, validated: anything malformed is dropped, never thrown. */
export async function readHistory(): Promise<HistoryEntry[]> {
  const stored: unknown = await historyItem.getValue();
  if (!Array.isArray(stored)) return [];
  const entries = stored.filter(isEntry).map((entry) => ({ ...entry, url: withoutQuery(entry.url) }));
  return capped(entries, MAX_HISTORY_SIZE);
}

let pending: { entries: HistoryEntry[]; size: number } | undefined;
let writing: Promise<void> = Promise.resolve();

async function write(entries: HistoryEntry[], size: number): Promise<void> {
  const next = capped([...entries, ...(await readHistory())], size);
  try {
    await historyItem.setValue(next);
  } catch (error) {
    // The area is full: the history is a convenience, and must never hold the settings' room.
    console.error('[Port Doctor] history not saved:', error);
  }
}

/**
 * Adds a failure, keeping at most `size` entries (the setting; 0 keeps none). Failures that arrive while a
 * write runs are written together in the next one.
 */
export function addToHistory(failure: Failure, size = HISTORY_SIZE): Promise<void> {
  const { kind, url, port, code, time } = failure;
  const entry = { kind, url: withoutQuery(url), port, code, time };
  if (pending) {
    pending.entries.unshift(entry);
    pending.size = size;
    return writing;
  }
  pending = { entries: [entry], size };
  writing = writing.then(() => {
    const batch = pending ?? { entries: [], size };
    pending = undefined;
    return write(batch.entries, batch.size);
  });
  return writing;
}

export function clearHistory(): Promise<void> {
  return historyItem.setValue([]);
}
