/**
 * What failed in each tab, and which URL each tab was last sent to the explanation for, kept in
 * storage.session: it survives the service worker being stopped, and disappears with the browser session.
 *
 * The background holds one TabState: the stored maps are read once, kept in memory, and written back in
 * batches (every change made while a write is under way goes out in the next single write), so a page
 * that fails a thousand times costs a handful of writes. Bounded in bytes, not only in entries: any website
 * can make the browser report failures (frames on a blocked port, with long URLs, need no permission) and
 * so fill the storage quota. Views read the stored copy.
 */
import { storage } from 'wxt/utils/storage';
import { byteLength } from '../core/bounded.ts';
import type { Failure } from '../kinds/failure.ts';
import { isKindId } from '../kinds/ids.ts';
import { isRecord } from '../core/guards.ts';

/** Distinct failing URLs kept per tab: enough for any page, bounded for a runaway one. */
export const MAX_FAILURES_PER_TAB = 50;
/** Bytes kept per tab; the oldest failures go first. */
export const MAX_TAB_BYTES = 16 * 1024;
/** Bytes kept for all tabs together; the tabs that failed longest ago go first (the quota is 10 MB). */
export const MAX_TOTAL_BYTES = 256 * 1024;
/** Tabs whose explained URL is kept; more are the oldest, long gone. */
const MAX_EXPLAINED_TABS = 500;
/** Tabs whose whole URL (Retry) or offered URL is kept: up to 2 KB each, so fewer (200 KB at most each). */
const MAX_WHOLE_TABS = 100;
/** Tabs remembered as closed, so that a failure still in flight cannot bring a closed tab back. */
const CLOSED_REMEMBERED = 1000;

export interface TabFailure extends Failure {
  /** How many times this URL failed this way in the tab. */
  count: number;
}

type TabFailures = Record<string, TabFailure[]>;
/** One URL per tab. */
type TabUrls = Record<string, string>;

export const tabFailuresItem = storage.defineItem<unknown>('session:tabFailures', { fallback: {} });
/**
 * Back from the explanation reloads the URL that failed, which fails again: with this, the second failure
 * only marks the toolbar button instead of bouncing the user back into the explanation.
 */
export const explainedItem = storage.defineItem<unknown>('session:explained', { fallback: {} });
/**
 * The whole URL (query included) the tab was sent to the explanation for: only Retry in that tab needs it, and
 * nothing outside the tab ever shows it (lib/core/bounded.ts). Session storage only: never written to disk.
 */
export const wholeUrlItem = storage.defineItem<unknown>('session:wholeUrl', { fallback: {} });
/**
 * A navigation our redirect cut off that may not have been the user's (a page that opened the tab, or the
 * page the tab showed, may have started it): never loaded for them, only offered on the explanation, behind
 * a click (lib/signals/navigation-seq.ts).
 */
export const offeredItem = storage.defineItem<unknown>('session:offered', { fallback: {} });

function isTabFailure(value: unknown): value is TabFailure {
  return (
    isRecord(value) &&
    typeof value.url === 'string' &&
    // A kind this version does not know (a corrupt or older store) would make kindById throw in every view.
    isKindId(value.kind) &&
    typeof value.code === 'string' &&
    typeof value.resource === 'string' &&
    Number.isInteger(value.port) &&
    Number.isInteger(value.tabId) &&
    Number.isInteger(value.frameId) &&
    Number.isFinite(value.time) &&
    Number.isInteger(value.count)
  );
}

/** Stored failures, validated: a corrupt store reads as empty, never throws. Exported for its unit test. */
export function readFailures(stored: unknown): TabFailures {
  if (!isRecord(stored)) return {};
  const result: TabFailures = {};
  for (const [tab, list] of Object.entries(stored))
    if (/^\d+$/.test(tab) && Array.isArray(list)) result[tab] = list.filter(isTabFailure);
  return result;
}

function readTabUrls(stored: unknown): TabUrls {
  if (!isRecord(stored)) return {};
  return Object.fromEntries(
    Object.entries(stored).filter(([tab, url]) => /^\d+$/.test(tab) && typeof url === 'string'),
  ) as TabUrls;
}

/** Sets or (undefined) deletes a tab's URL; true when something changed. Re-inserted: the oldest go first. */
function setUrl(map: Map<string, string>, tab: string, url: string | undefined): boolean {
  if (map.get(tab) === url) return false;
  map.delete(tab);
  if (url !== undefined) map.set(tab, url);
  return true;
}

/** Drops the oldest tabs' URLs past `max`. */
function capUrls(map: Map<string, string>, max: number): void {
  for (const tab of map.keys()) {
    if (map.size <= max) break;
    map.delete(tab);
  }
}

/** A tab's failures within the per-tab caps, newest kept. */
function capTab(list: TabFailure[]): TabFailure[] {
  const kept = list.slice(-MAX_FAILURES_PER_TAB);
  while (kept.length > 1 && byteLength(kept) > MAX_TAB_BYTES) kept.shift();
  return kept;
}

export class TabState {
  /** In the order tabs last failed: #capTotal drops from the front. */
  #failures = new Map<string, TabFailure[]>();
  #explained = new Map<string, string>();
  #whole = new Map<string, string>();
  #offered = new Map<string, string>();
  #loaded: Promise<void> | undefined;
  #ready = false;
  #closed = new Set<number>();
  #writing: Promise<void> = Promise.resolve();
  #next: Promise<void> | undefined;

  isWarm(): boolean {
    return this.#ready;
  }

  /** Reads the stored state (once); resolves when it is read (explainedNow answers from then on). */
  whenWarm(): Promise<void> {
    return this.#load();
  }

  #load(): Promise<void> {
    this.#loaded ??= Promise.all([
      tabFailuresItem.getValue(),
      explainedItem.getValue(),
      wholeUrlItem.getValue(),
      offeredItem.getValue(),
    ]).then(
      ([failures, explained, whole, offered]) => {
        this.#failures = new Map([...Object.entries(readFailures(failures)), ...this.#failures]);
        this.#explained = new Map([...Object.entries(readTabUrls(explained)), ...this.#explained]);
        this.#whole = new Map([...Object.entries(readTabUrls(whole)), ...this.#whole]);
        this.#offered = new Map([...Object.entries(readTabUrls(offered)), ...this.#offered]);
        this.#ready = true;
      },
      (error: unknown) => console.error('[Port Doctor] tab state unreadable:', error),
    );
    return this.#loaded;
  }

  /** Writes both maps once every change made so far; changes made while a write runs share the next one. */
  #flush(): Promise<void> {
    this.#next ??= this.#writing.then(() => {
      this.#next = undefined;
      this.#writing = this.#write();
      return this.#writing;
    });
    return this.#next;
  }

  #save(): Promise<unknown> {
    return Promise.all([
      tabFailuresItem.setValue(Object.fromEntries(this.#failures)),
      explainedItem.setValue(Object.fromEntries(this.#explained)),
      wholeUrlItem.setValue(Object.fromEntries(this.#whole)),
      offeredItem.setValue(Object.fromEntries(this.#offered)),
    ]);
  }

  async #write(): Promise<void> {
    this.#capTotal();
    try {
      await this.#save();
    } catch (error) {
      // The area is full (something else filled it): keep what matters now, the newest tab, and go on.
      console.error('[Port Doctor] tab state not saved, keeping the newest tab only:', error);
      const newest = [...this.#failures].at(-1);
      this.#failures = new Map(newest ? [newest] : []);
      await this.#save().catch((again: unknown) =>
        console.error('[Port Doctor] tab state kept in memory only:', again),
      );
    }
  }

  /** Drops the tabs that failed longest ago until all fit; the most recent tab always stays. */
  #capTotal(): void {
    const bytes = () => byteLength(Object.fromEntries(this.#failures));
    for (const tab of this.#failures.keys()) {
      if (this.#failures.size <= 1 || bytes() <= MAX_TOTAL_BYTES) break;
      this.#failures.delete(tab);
    }
    capUrls(this.#explained, MAX_EXPLAINED_TABS);
    capUrls(this.#whole, MAX_WHOLE_TABS);
    capUrls(this.#offered, MAX_WHOLE_TABS);
  }

  /** Adds a failure to its tab, newest last. A failure of the whole tab starts its list afresh. */
  async record(failure: Failure): Promise<void> {
    await this.#load();
    if (this.#closed.has(failure.tabId)) return;
    const tab = String(failure.tabId);
    const earlier = failure.resource === 'main_frame' ? [] : (this.#failures.get(tab) ?? []);
    const same = earlier.find((entry) => entry.url === failure.url && entry.kind === failure.kind);
    const others = earlier.filter((entry) => entry !== same);
    // Re-inserted: the map's order is the order in which tabs last failed.
    this.#failures.delete(tab);
    this.#failures.set(tab, capTab([...others, { ...failure, count: (same?.count ?? 0) + 1 }]));
    return this.#flush();
  }

  /**
   * A new page in the tab: what failed in the old one no longer applies, nor what was offered there. Costs
   * nothing for healthy tabs.
   */
  async forget(tabId: number): Promise<void> {
    await this.#load();
    const tab = String(tabId);
    const had = this.#failures.delete(tab);
    if (this.#offered.delete(tab) || had) return this.#flush();
  }

  /** The tab closed: all of it goes, and a failure still on its way cannot bring it back. */
  async closed(tabId: number): Promise<void> {
    this.#closed.add(tabId);
    if (this.#closed.size > CLOSED_REMEMBERED) this.#closed.delete(this.#closed.values().next().value ?? -1);
    await this.#load();
    const tab = String(tabId);
    const changed = [this.#failures, this.#explained, this.#whole, this.#offered].map((map) =>
      map.delete(tab),
    );
    if (changed.includes(true)) return this.#flush();
  }

  async failures(tabId: number): Promise<TabFailure[]> {
    await this.#load();
    return this.#failures.get(String(tabId)) ?? [];
  }

  /** The explained URL if the state is read already; null while it is not. */
  explainedNow(tabId: number): string | undefined | null {
    return this.#ready ? this.#explained.get(String(tabId)) : null;
  }

  async explainedUrl(tabId: number): Promise<string | undefined> {
    await this.#load();
    return this.#explained.get(String(tabId));
  }

  /**
   * The tab was sent to the explanation of `url` (as kept: lib/core/bounded.ts), which failed as `whole` (query
   * included, for Retry in this tab only); undefined: a page loaded, or the user asked for one.
   */
  async setExplained(tabId: number, url: string | undefined, whole?: string): Promise<void> {
    await this.#load();
    const tab = String(tabId);
    if (url !== undefined && this.#closed.has(tabId)) return;
    const explained = setUrl(this.#explained, tab, url);
    const kept = setUrl(this.#whole, tab, url === undefined ? undefined : whole);
    const offered = url === undefined && this.#offered.delete(tab);
    if (explained || kept || offered) return this.#flush();
  }

  /** The whole URL to retry in this tab, when `url` is what the tab was explained for; else `url` itself. */
  async retryUrl(tabId: number, url: string): Promise<string> {
    await this.#load();
    const tab = String(tabId);
    const whole = this.#whole.get(tab);
    return whole !== undefined && this.#explained.get(tab) === url ? whole : url;
  }

  /** Offers a navigation on the tab's explanation instead of loading it (lib/signals/navigation-seq.ts). */
  async offer(tabId: number, url: string): Promise<void> {
    await this.#load();
    if (this.#closed.has(tabId) || !setUrl(this.#offered, String(tabId), url)) return;
    return this.#flush();
  }
}

/** For the views (the popup): the stored failures of one tab. */
export async function failuresForTab(tabId: number): Promise<TabFailure[]> {
  return readFailures(await tabFailuresItem.getValue())[String(tabId)] ?? [];
}

/** For the views and tests: the stored URL a tab was last explained for. */
export async function explainedUrl(tabId: number): Promise<string | undefined> {
  return readTabUrls(await explainedItem.getValue())[String(tabId)];
}

/** For the explanation page: the navigation offered in its tab, if any. */
export async function offeredUrl(tabId: number): Promise<string | undefined> {
  return readTabUrls(await offeredItem.getValue())[String(tabId)];
}
