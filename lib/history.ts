/**
 * The last failures this browser saw, newest first, for the popup. storage.local with a hard cap, so it can
 * never grow without bound; entries hold only what the popup shows.
 */
import { storage } from 'wxt/utils/storage';
import type { Failure } from './failure.ts';

/** The default size; the setting may go up to MAX_HISTORY_SIZE. */
export const HISTORY_SIZE = 20;
export const MAX_HISTORY_SIZE = 100;

export type HistoryEntry = Pick<Failure, 'kind' | 'url' | 'port' | 'code' | 'time'>;

export const historyItem = storage.defineItem<HistoryEntry[]>('local:history', { fallback: [] });

function isEntry(value: unknown): value is HistoryEntry {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<string, unknown>;
  return (
    typeof entry.url === 'string' &&
    typeof entry.code === 'string' &&
    typeof entry.kind === 'string' &&
    typeof entry.port === 'number' &&
    typeof entry.time === 'number'
  );
}

/** Stored history, validated: anything malformed is dropped, never thrown. */
export async function readHistory(): Promise<HistoryEntry[]> {
  const stored: unknown = await historyItem.getValue();
  return Array.isArray(stored) ? stored.filter(isEntry).slice(0, MAX_HISTORY_SIZE) : [];
}

let queue: Promise<unknown> = Promise.resolve();

/** Adds a failure, keeping at most `size` entries (the setting; 0 keeps none). */
export function addToHistory(failure: Failure, size = HISTORY_SIZE): Promise<void> {
  const { kind, url, port, code, time } = failure;
  const next = queue.then(async () => {
    const earlier = (await readHistory()).filter((entry) => entry.url !== url || entry.code !== code);
    await historyItem.setValue([{ kind, url, port, code, time }, ...earlier].slice(0, size));
  });
  queue = next.catch((error: unknown) => console.error('[Port Doctor] history', error));
  return next;
}

export function clearHistory(): Promise<void> {
  return historyItem.setValue([]);
}
