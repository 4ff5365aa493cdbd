/**
 * What failed in each tab, and which URL each tab was last sent to the explanation for, kept in
 * storage.session: it survives the service worker being stopped, and disappears with the browser session.
 *
 * The background holds one TabState: the stored maps are read once, kept in memory, and written back in
 * batches (every change made while a write is under way goes out in the next single write), so a page
 * that fails a thousand times costs a handful of writes. Bounded in bytes, not only in entries: any website
 * can make the browser report failures (hardening-review.md M1). Views read the stored copy.
 */
import { storage } from 'wxt/utils/storage';
import { byteLength } from './bounded.ts';
import type { Failure } from './failure.ts';
import { isKindId } from './kinds/ids.ts';
import { isRecord } from './records.ts';

/** Distinct failing URLs kept per tab: enough for any page, bounded for a runaway one. */
export const MAX_FAILURES_PER_TAB = 50;
/** Bytes kept per tab; the oldest failures go first. */
export const MAX_TAB_BYTES = 16 * 1024;
/** Bytes kept for all tabs together; the tabs that failed longest ago go first (the quota is 10 MB). */
export const MAX_TOTAL_BYTES = 256 * 1024;
/** Tabs whose explained URL is kept; more are the oldest, long gone. */
const MAX_EXPLAINED_TABS = 500;
/** Tabs remembered as closed, so that a failure still in flight cannot bring a closed tab back. */
const CLOSED_REMEMBERED = 1000;

export interface TabFailure extends Failure {
  /** How many times this URL failed this way in the tab. */
  count: number;
}

type TabFailures = Record<string, TabFailure[]>;
type Explained = Record<string, string>;

export const tabFailuresItem = storage.defineItem<unknown>('session:tabFailures', { fallback: {} });
/**
 * Back from the explanation reloads the URL that failed, which fails again: with this, the second failure
 * only marks the toolbar button instead of bouncing the user back into the explanation.
 */
export const explainedItem = storage.defineItem<unknown>('session:explained', { fallback: {} });

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

function readExplained(stored: unknown): Explained {
  if (!isRecord(stored)) return {};
  return Object.fromEntries(
    Object.entries(stored).filter(([tab, url]) => /^\d+$/.test(tab) && typeof url === 'string'),
  ) as Explained;
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
    this.#loaded ??= Promise.all([tabFailuresItem.getValue(), explainedItem.getValue()]).then(
      ([failures, explained]) => {
        this.#failures = new Map([...Object.entries(readFailures(failures)), ...this.#failures]);
        this.#explained = new Map([...Object.entries(readExplained(explained)), ...this.#explained]);
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
    for (const tab of this.#explained.keys()) {
      if (this.#explained.size <= MAX_EXPLAINED_TABS) break;
      this.#explained.delete(tab);
    }
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

  /** A new page in the tab: what failed in the old one no longer applies. Costs nothing for healthy tabs. */
  async forget(tabId: number): Promise<void> {
    await this.#load();
    if (this.#failures.delete(String(tabId))) return this.#flush();
  }

  /** The tab closed: all of it goes, and a failure still on its way cannot bring it back. */
  async closed(tabId: number): Promise<void> {
    this.#closed.add(tabId);
    if (this.#closed.size > CLOSED_REMEMBERED) this.#closed.delete(this.#closed.values().next().value ?? -1);
    await this.#load();
    const tab = String(tabId);
    const had = this.#failures.delete(tab);
    if (this.#explained.delete(tab) || had) return this.#flush();
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

  async setExplained(tabId: number, url: string | undefined): Promise<void> {
    await this.#load();
    const tab = String(tabId);
    if (this.#explained.get(tab) === url || (url !== undefined && this.#closed.has(tabId))) return;
    this.#explained.delete(tab);
    if (url !== undefined) this.#explained.set(tab, url);
    return this.#flush();
  }
}

/** For the views (the popup): the stored failures of one tab. */
export async function failuresForTab(tabId: number): Promise<TabFailure[]> {
  return readFailures(await tabFailuresItem.getValue())[String(tabId)] ?? [];
}

/** For the views and tests: the stored URL a tab was last explained for. */
export async function explainedUrl(tabId: number): Promise<string | undefined> {
  return readExplained(await explainedItem.getValue())[String(tabId)];
}
