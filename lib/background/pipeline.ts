/**
 * One failure, from the evidence a signal found to what the user sees: the one path every failure takes,
 * whichever browser event revealed it (lib/signals/). The state it works on is the background's (`Background`):
 * stores read once and kept in memory, so a navigation can be decided at once.
 */
import { boundUrl, boundWholeUrl } from '../core/bounded.ts';
import { isLocalHost } from '../core/local-host.ts';
import { safeUrl } from '../core/url.ts';
import { kindOf } from '../kinds/detect.ts';
import { CHROME_BLOCKED_CODE, type Failure } from '../kinds/failure.ts';
import type { NavigationSeq } from '../signals/navigation-seq.ts';
import type { ProvenBlocked } from '../signals/proven-blocked.ts';
import { isResolvedLocal, type ResolvedLocal } from '../signals/resolved-local.ts';
import type { App } from '../servers/apps.ts';
import type { SettingsCache } from '../state/settings/index.ts';
import type { Stored } from '../state/stored.ts';
import type { TabState } from '../state/tab-state.ts';
import { headline } from '../view/headline.ts';
import { decideActions } from './decide.ts';
import { actOn, Overlays, pageOrigin } from './effects.ts';

/** What the background knows and keeps while it runs. */
export interface Background {
  overlays: Overlays;
  settings: SettingsCache;
  tabs: TabState;
  seq: NavigationSeq;
  proven: ProvenBlocked;
  resolved: ResolvedLocal;
  /** The apps remembered on this machine's loopback ports (lib/servers/apps.ts). */
  apps: Stored<App[]>;
}

/** Finds a failure in the evidence, given the hosts that count as local; null when there is none. */
export type Detect = (localHosts: readonly string[]) => Failure | null;

/**
 * One failure, from evidence to what the user sees. `current` is taken when the event arrives: the tab may have
 * moved on by the time the answer is ready. `preEmpted`: the navigation is explained as it starts, before the
 * browser refused it (lib/signals/pre-empt.ts).
 */
export async function handleFailure(
  background: Background,
  detect: Detect,
  current: () => boolean,
  preEmpted = false,
): Promise<void> {
  const settings = await background.settings.get();
  const patterns = await localPatterns(background);
  const found = detect(patterns);
  if (!found) return;
  // Never kept (or shown) at the length that a page chose, nor with a query: lib/core/bounded.ts.
  const local = isLocalHost(safeUrl(found.url)?.hostname ?? '', patterns);
  const failure = { ...found, url: boundUrl(found.url, local, found.resource) };
  if (failure.code === CHROME_BLOCKED_CODE) background.proven.add(failure.port);
  const wholeTab = failure.resource === 'main_frame';
  const [explained, origin] = await Promise.all([
    background.tabs.explainedUrl(failure.tabId),
    wholeTab ? undefined : pageOrigin(failure.tabId),
  ]);
  const muted = origin !== undefined && settings.mutedSites.includes(origin);
  const actions = decideActions(failure, settings, { explainedUrl: explained, muted });
  await actOn(failure, actions, {
    historySize: settings.historySize,
    notification: () => ({ title: headline(failure), message: failure.url }),
    current,
    redirecting: () => background.seq.redirected(failure.tabId, Date.now(), preEmpted),
    wholeUrl: boundWholeUrl(found.url),
    tabs: background.tabs,
    overlays: background.overlays,
  });
}

/** The user's local hosts, and the names this session found at a local address (lib/signals/resolved-local.ts). */
export async function localPatterns(background: Background): Promise<string[]> {
  return [...(await background.settings.get()).localHosts, ...(await background.resolved.list())];
}

/**
 * A name a page failed on may be local by its address (devbox.test → 127.0.0.1): asked only where being local
 * would make the error one to explain, and the name is not local already. `addresses` asks for them: Firefox
 * resolves the name (the `dns` permission), Chrome's deeper checks pass the address they saw (webRequest's `ip`).
 */
export async function learnAddress(
  background: Background,
  urlText: string,
  code: string,
  addresses: (hostname: string) => Promise<string[]>,
): Promise<void> {
  const url = safeUrl(urlText);
  if (!url) return;
  const patterns = await localPatterns(background);
  const matters =
    kindOf(url, code, patterns) === null && kindOf(url, code, [...patterns, url.hostname]) !== null;
  if (isLocalHost(url.hostname, patterns) || !matters) return;
  if (isResolvedLocal(url.hostname, await addresses(url.hostname), patterns))
    await background.resolved.add(url.hostname);
}

/** Runs a piece of handling in the background, logging what fails instead of dropping it silently. */
export function run(promise: Promise<unknown>): void {
  void promise.catch((error: unknown) => console.error('[Port Doctor] failure not handled:', error));
}
