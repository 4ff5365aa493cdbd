/**
 * What failed in each tab, kept in storage.session: it survives the service worker being stopped, and
 * disappears with the browser session. Writes are queued so two events for the same moment cannot race.
 */
import { storage } from 'wxt/utils/storage';
import type { Failure } from './failure.ts';

/** Enough to count a busy page's blocked requests without letting one tab grow the store without bound. */
export const MAX_FAILURES_PER_TAB = 50;

type TabFailures = Record<string, Failure[]>;

export const tabFailuresItem = storage.defineItem<TabFailures>('session:tabFailures', { fallback: {} });

let queue: Promise<unknown> = Promise.resolve();

function update(change: (all: TabFailures) => TabFailures): Promise<void> {
  const next = queue.then(async () => tabFailuresItem.setValue(change(await tabFailuresItem.getValue())));
  queue = next.catch((error: unknown) => console.error('[Port Doctor] tab state', error));
  return next;
}

/** Adds a failure to its tab. A new top-level failure starts the tab's list afresh. */
export function recordFailure(failure: Failure): Promise<void> {
  return update((all) => {
    const earlier = failure.resource === 'main_frame' ? [] : (all[failure.tabId] ?? []);
    return { ...all, [failure.tabId]: [...earlier, failure].slice(-MAX_FAILURES_PER_TAB) };
  });
}

export function forgetTab(tabId: number): Promise<void> {
  return update((all) => Object.fromEntries(Object.entries(all).filter(([id]) => id !== String(tabId))));
}

export async function failuresForTab(tabId: number): Promise<Failure[]> {
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
  const all = await explainedItem.getValue();
  if (all[tabId] === url) return;
  const next = Object.fromEntries(Object.entries(all).filter(([id]) => id !== String(tabId)));
  await explainedItem.setValue(url === undefined ? next : { ...next, [tabId]: url });
}
