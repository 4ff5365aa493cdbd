/**
 * Firefox: which frames started loading a URL on a port Firefox blocks (webNavigation.onBeforeNavigate).
 * Firefox fires no onBeforeNavigate for a port it refuses, so a commit on such a port with no start is the
 * refused load, and a commit with one is a port the user re-allowed (network.security.ports.banned.override).
 *
 * A start is matched on tab, frame and origin within START_WINDOW_MS, not on the exact URL: Firefox reports
 * the start with the requested URL and the commit with the document's, so a redirect (/app → /app/, a login
 * page) changes the URL but not the origin (Firefox's toolkit/components/extensions/WebNavigation.sys.mjs:
 * onStateChange vs onDocumentChange). Starts are kept in storage.session
 * too, because the event page may be suspended while a slow dev server compiles. Only starts on blocked
 * ports are kept, so healthy pages cost nothing here.
 */
import { storage } from 'wxt/utils/storage';
import { Stored } from '../state/stored.ts';
import { originOf } from '../core/bounded.ts';
import { isRecord } from '../core/guards.ts';

/** How long a started load may take to commit: a dev server's first compile can take minutes. */
export const START_WINDOW_MS = 5 * 60_000;
/** Frames whose starts are kept at once; the oldest go first. */
const MAX_STARTS = 100;

interface Start {
  origin: string;
  time: number;
}

type Starts = Record<string, Start>;

export const startsItem = storage.defineItem<unknown>('session:navigationStarts', { fallback: {} });

function readStarts(stored: unknown): Starts {
  if (!isRecord(stored)) return {};
  const starts: Starts = {};
  for (const [key, value] of Object.entries(stored))
    if (isRecord(value) && typeof value.origin === 'string' && typeof value.time === 'number')
      starts[key] = { origin: value.origin, time: value.time };
  return starts;
}

/** Pure: does a commit of `url` at `now` match the frame's start? */
export function matchesStart(start: Start | undefined, url: string, now: number): boolean {
  return start !== undefined && start.origin === originOf(url) && now - start.time <= START_WINDOW_MS;
}

export class NavigationStarts {
  #starts = new Stored<Map<string, Start>>(startsItem, new Map(), {
    name: 'navigation starts',
    read: (stored) => new Map(Object.entries(readStarts(stored))),
    save: (starts) => Object.fromEntries(starts),
    cap: (starts) => new Map([...starts].slice(-MAX_STARTS)),
  });

  start(tabId: number, frameId: number, url: string, now: number): Promise<void> {
    const key = `${tabId}:${frameId}`;
    return this.#starts.update((starts) => {
      // Re-inserted: the oldest go first.
      starts.delete(key);
      starts.set(key, { origin: originOf(url), time: now });
    });
  }

  /** Was this commit preceded by its start? Forgets the frame's start either way. */
  async commit(tabId: number, frameId: number, url: string, now: number): Promise<boolean> {
    const key = `${tabId}:${frameId}`;
    const start = (await this.#starts.get()).get(key);
    if (start === undefined) return false;
    void this.#starts.update((starts) => void starts.delete(key));
    return matchesStart(start, url, now);
  }
}
