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
  #starts = new Map<string, Start>();
  #loaded: Promise<void> | undefined;
  #writing: Promise<void> = Promise.resolve();

  #load(): Promise<void> {
    this.#loaded ??= startsItem.getValue().then(
      (stored) => void (this.#starts = new Map([...Object.entries(readStarts(stored)), ...this.#starts])),
      () => undefined,
    );
    return this.#loaded;
  }

  #save(): Promise<void> {
    const snapshot = Object.fromEntries(this.#starts);
    this.#writing = this.#writing
      .then(() => startsItem.setValue(snapshot))
      .catch((error: unknown) => console.error('[Port Doctor] navigation starts', error));
    return this.#writing;
  }

  async start(tabId: number, frameId: number, url: string, now: number): Promise<void> {
    await this.#load();
    const key = `${tabId}:${frameId}`;
    this.#starts.delete(key);
    this.#starts.set(key, { origin: originOf(url), time: now });
    for (const old of this.#starts.keys()) {
      if (this.#starts.size <= MAX_STARTS) break;
      this.#starts.delete(old);
    }
    return this.#save();
  }

  /** Was this commit preceded by its start? Forgets the frame's start either way. */
  async commit(tabId: number, frameId: number, url: string, now: number): Promise<boolean> {
    await this.#load();
    const key = `${tabId}:${frameId}`;
    const start = this.#starts.get(key);
    if (start === undefined) return false;
    this.#starts.delete(key);
    void this.#save();
    return matchesStart(start, url, now);
  }
}
