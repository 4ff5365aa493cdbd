/**
 * What failed in each tab, kept in storage.session: it survives the service worker being stopped, and
 * disappears with the browser session. The same failing URL is counted, not repeated, so a page that hits a
 * blocked port a hundred times stores one entry. Writes are queued so two events cannot race.
 */
import { storage } from 'wxt/utils/storage';
import type { Failure } from './failure.ts';

/** Distinct failing URLs kept per tab: enough for any page, bounded for a runaway one. */
export const MAX_FAILURES_PER_TAB = 50;

export interface TabFailure extends Failure {
  /** How many times this URL failed this way in the tab. */
  count: number;
}

type TabFailures = Record<string, TabFailure[]>;

export const tabFailuresItem = storage.defineItem<TabFailures>('session:tabFailures', { fallback: {} });

let queue: Promise<unknown> = Promise.resolve();

/**
 * Tabs that have any state here, known without a storage round trip. Healthy pages navigate all the time
 * and must cost nothing: a tab not in this set needs no clean-up. Read from storage once per background
 * instance, then kept in step by every write.
 */
let tracked: Promise<Set<number>> | undefined;

function trackedTabs(): Promise<Set<number>> {
  tracked ??= Promise.all([tabFailuresItem.getValue(), explainedItem.getValue()]).then(
    ([failures, explained]) => new Set([...Object.keys(failures), ...Object.keys(explained)].map(Number)),
  );
  return tracked;
}

/** Does this tab have anything to clean up? */
export async function hasState(tabId: number): Promise<boolean> {
  return (await trackedTabs()).has(tabId);
}

function update(change: (all: TabFailures) => TabFailures): Promise<void> {
  const next = queue.then(async () => tabFailuresItem.setValue(change(await tabFailuresItem.getValue())));
  queue = next.catch((error: unknown) => console.error('[Port Doctor] tab state', error));
  return next;
}

/** Adds a failure to its tab, newest last. A failure of the whole tab starts its list afresh. */
export async function recordFailure(failure: Failure): Promise<void> {
  (await trackedTabs()).add(failure.tabId);
  return update((all) => {
    const earlier = failure.resource === 'main_frame' ? [] : (all[failure.tabId] ?? []);
    const same = earlier.find((entry) => entry.url === failure.url && entry.kind === failure.kind);
    const others = earlier.filter((entry) => entry !== same);
    const entry = { ...failure, count: (same?.count ?? 0) + 1 };
    return { ...all, [failure.tabId]: [...others, entry].slice(-MAX_FAILURES_PER_TAB) };
  });
}

/** A tab closed, or loaded a page that worked: its failures are history. */
export async function forgetTab(tabId: number): Promise<void> {
  if (!(await hasState(tabId))) return;
  return update((all) => Object.fromEntries(Object.entries(all).filter(([id]) => id !== String(tabId))));
}

export async function failuresForTab(tabId: number): Promise<TabFailure[]> {
  return (await tabFailuresItem.getValue())[tabId] ?? [];
}

/**
 * The URL each tab was last sent to the explanation page for. Back from the explanation reloads that URL,
 * which fails again: with this, the second failure only marks the toolbar button instead of bouncing the
 * user back into the explanation. A page that loads in the tab clears it.
 */
export const explainedItem = storage.defineItem<Record<string, string>>('session:explained', {
  fallback: {},
});

export async function explainedUrl(tabId: number): Promise<string | undefined> {
  return (await explainedItem.getValue())[tabId];
}

export async function setExplained(tabId: number, url: string | undefined): Promise<void> {
  if (url === undefined && !(await hasState(tabId))) return;
  if (url !== undefined) (await trackedTabs()).add(tabId);
  const all = await explainedItem.getValue();
  if (all[tabId] === url) return;
  const next = Object.fromEntries(Object.entries(all).filter(([id]) => id !== String(tabId)));
  await explainedItem.setValue(url === undefined ? next : { ...next, [tabId]: url });
}
