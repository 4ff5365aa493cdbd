/**
 * The last failures this browser saw, newest first, for the popup. storage.local with a hard cap, so it can
 * never grow without bound; entries hold only what the popup shows.
 */
import { storage } from 'wxt/utils/storage';
import type { Failure } from './failure.ts';

export const HISTORY_SIZE = 20;

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
  return Array.isArray(stored) ? stored.filter(isEntry).slice(0, HISTORY_SIZE) : [];
}

let queue: Promise<unknown> = Promise.resolve();

export function addToHistory(failure: Failure): Promise<void> {
  const { kind, url, port, code, time } = failure;
  const next = queue.then(async () => {
    const earlier = (await readHistory()).filter((entry) => entry.url !== url || entry.code !== code);
    await historyItem.setValue([{ kind, url, port, code, time }, ...earlier].slice(0, HISTORY_SIZE));
  });
  queue = next.catch((error: unknown) => console.error('[Port Doctor] history', error));
  return next;
}

export function clearHistory(): Promise<void> {
  return historyItem.setValue([]);
}
