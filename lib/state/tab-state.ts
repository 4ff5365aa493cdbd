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
import { Stored } from './stored.ts';
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

/** Sets or (undefined) deletes a tab's URL; false when nothing changed. Re-inserted: the oldest go first. */
function setUrl(map: Map<string, string>, tab: string, url: string | undefined): boolean {
  if (map.get(tab) === url) return false;
  map.delete(tab);
  if (url !== undefined) map.set(tab, url);
  return true;
}

/** A tab's failures within the per-tab caps, newest kept. */
function capTab(list: TabFailure[]): TabFailure[] {
  const kept = list.slice(-MAX_FAILURES_PER_TAB);
  while (kept.length > 1 && byteLength(kept) > MAX_TAB_BYTES) kept.shift();
  return kept;
}

/** Drops the tabs that failed longest ago until all fit; the most recent tab always stays. */
function capTotal(failures: Map<string, TabFailure[]>): Map<string, TabFailure[]> {
  const bytes = () => byteLength(Object.fromEntries(failures));
  for (const tab of failures.keys()) {
    if (failures.size <= 1 || bytes() <= MAX_TOTAL_BYTES) break;
    failures.delete(tab);
  }
  return failures;
}

/** One URL per tab, as a stored map, the oldest tabs dropped past `max`. */
function tabUrls(item: typeof explainedItem, name: string, max: number): Stored<Map<string, string>> {
  return new Stored(item, new Map<string, string>(), {
    name,
    read: (stored) => new Map(Object.entries(readTabUrls(stored))),
    save: (map) => Object.fromEntries(map),
    cap: (map) => new Map([...map].slice(-max)),
  });
}

export class TabState {
  /** In the order tabs last failed: capTotal drops from the front. */
  #failures = new Stored(tabFailuresItem, new Map<string, TabFailure[]>(), {
    name: 'tab state',
    read: (stored) => new Map(Object.entries(readFailures(stored))),
    save: (map) => Object.fromEntries(map),
    cap: capTotal,
    // The area is full (something else filled it): the newest tab is what matters now.
    recover: (map) => new Map([...map].slice(-1)),
  });
  #explained = tabUrls(explainedItem, 'explained tabs', MAX_EXPLAINED_TABS);
  #whole = tabUrls(wholeUrlItem, 'whole URLs', MAX_WHOLE_TABS);
  #offered = tabUrls(offeredItem, 'offered URLs', MAX_WHOLE_TABS);
  #closed = new Set<number>();

  isWarm(): boolean {
    return this.#failures.ready() && this.#explained.ready();
  }

  /** Reads the stored state (once); resolves when it is read (explainedNow answers from then on). */
  async whenWarm(): Promise<void> {
    await Promise.all(
      [this.#failures, this.#explained, this.#whole, this.#offered].map((item) => item.load()),
    );
  }

  /** Adds a failure to its tab, newest last. A failure of the whole tab starts its list afresh. */
  async record(failure: Failure): Promise<void> {
    const tab = String(failure.tabId);
    return this.#failures.update((failures) => {
      if (this.#closed.has(failure.tabId)) return false;
      const earlier = failure.resource === 'main_frame' ? [] : (failures.get(tab) ?? []);
      const same = earlier.find((entry) => entry.url === failure.url && entry.kind === failure.kind);
      const others = earlier.filter((entry) => entry !== same);
      // Re-inserted: the map's order is the order in which tabs last failed.
      failures.delete(tab);
      failures.set(tab, capTab([...others, { ...failure, count: (same?.count ?? 0) + 1 }]));
    });
  }

  /**
   * A new page in the tab: what failed in the old one no longer applies, nor what was offered there. Costs
   * nothing for healthy tabs (no write when there was nothing).
   */
  async forget(tabId: number): Promise<void> {
    const tab = String(tabId);
    await Promise.all([
      this.#failures.update((failures) => failures.delete(tab) && undefined),
      this.#offered.update((offered) => offered.delete(tab) && undefined),
    ]);
  }

  /** The tab closed: all of it goes, and a failure still on its way cannot bring it back. */
  async closed(tabId: number): Promise<void> {
    this.#closed.add(tabId);
    if (this.#closed.size > CLOSED_REMEMBERED) this.#closed.delete(this.#closed.values().next().value ?? -1);
    const tab = String(tabId);
    await Promise.all(
      [this.#failures, this.#explained, this.#whole, this.#offered].map(
        (item: Stored<Map<string, unknown>>) => item.update((map) => map.delete(tab) && undefined),
      ),
    );
  }

  async failures(tabId: number): Promise<TabFailure[]> {
    return (await this.#failures.get()).get(String(tabId)) ?? [];
  }

  /** The explained URL if the state is read already; null while it is not. */
  explainedNow(tabId: number): string | undefined | null {
    const explained = this.#explained.peek();
    return explained === undefined ? null : explained.get(String(tabId));
  }

  async explainedUrl(tabId: number): Promise<string | undefined> {
    return (await this.#explained.get()).get(String(tabId));
  }

  /**
   * The tab was sent to the explanation of `url` (as kept: lib/core/bounded.ts), which failed as `whole` (query
   * included, for Retry in this tab only); undefined: a page loaded, or the user asked for one.
   */
  async setExplained(tabId: number, url: string | undefined, whole?: string): Promise<void> {
    const tab = String(tabId);
    if (url !== undefined && this.#closed.has(tabId)) return;
    await Promise.all([
      this.#explained.update((explained) => setUrl(explained, tab, url) && undefined),
      this.#whole.update((wholes) => setUrl(wholes, tab, url === undefined ? undefined : whole) && undefined),
      url === undefined ? this.#offered.update((offered) => offered.delete(tab) && undefined) : undefined,
    ]);
  }

  /** The whole URL to retry in this tab, when `url` is what the tab was explained for; else `url` itself. */
  async retryUrl(tabId: number, url: string): Promise<string> {
    const tab = String(tabId);
    const [explained, wholes] = await Promise.all([this.#explained.get(), this.#whole.get()]);
    const whole = wholes.get(tab);
    return whole !== undefined && explained.get(tab) === url ? whole : url;
  }

  /** Offers a navigation on the tab's explanation instead of loading it (lib/signals/navigation-seq.ts). */
  async offer(tabId: number, url: string): Promise<void> {
    if (this.#closed.has(tabId)) return;
    return this.#offered.update((offered) => setUrl(offered, String(tabId), url) && undefined);
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
