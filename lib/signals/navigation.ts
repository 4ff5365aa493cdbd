/**
 * The top-level navigation events both engines report (webNavigation), turned into the pipeline's evidence.
 * Each engine's module (chromium.ts, firefox.ts) registers the listeners and adds what only it has.
 */
import { browser } from 'wxt/browser';
import { boundWholeUrl } from '../core/bounded.ts';
import { CURRENT_ENGINE } from '../core/engine.ts';
import { isWebUrl } from '../core/url.ts';
import { detectNavigationError, type NavigationDetails } from '../kinds/detect.ts';
import { handleFailure, run, type Background } from '../background/pipeline.ts';
import { giveBack } from './navigation-seq.ts';

/** Firefox throws on an empty webNavigation filter; http(s) is all we explain anyway. */
export const WEB_ONLY = { url: [{ schemes: ['http', 'https'] }] };

/** A navigation cut off by another one: Chromium's net::ERR_ABORTED, Firefox's NS_BINDING_ABORTED. */
const isAbort = (error: string | undefined) =>
  error === 'net::ERR_ABORTED' || error === 'Error code 2152398850';

/** A new top-level page in the tab: what failed in the old one no longer applies, and a late answer must not win. */
export function started(background: Background, details: NavigationDetails): void {
  const { tabId, url } = details;
  background.seq.bump(tabId, url);
  run(background.tabs.forget(tabId));
  background.overlays.forget(tabId);
}

/** A page that really loaded in a tab: its scripts run, and the Back-button protection ends. */
export function loaded(background: Background, details: NavigationDetails): void {
  if (details.frameId !== 0) return;
  background.seq.shown(details.tabId, true);
  run(background.tabs.setExplained(details.tabId, undefined));
}

/**
 * A navigation failed. One that our redirect cut off is the user's to go on with (cutOff); otherwise the
 * error is the evidence, after `before` (Firefox first learns whether the name is local by its address).
 */
export function failed(
  background: Background,
  details: NavigationDetails,
  before?: Promise<void>,
): Promise<unknown> {
  const aborted = details.frameId === 0 && isAbort(details.error);
  const cut = aborted ? background.seq.abortedByUs(details.tabId, Date.now()) : null;
  if (cut) return handled(cutOff(background, details.tabId, details.url, cut));
  // The browser's error page replaced the tab's page; an aborted navigation left the page where it was.
  if (details.frameId === 0 && !aborted) background.seq.shown(details.tabId, false);
  const current = background.seq.snapshot(details.tabId, details.url);
  const detect = (local: readonly string[]) =>
    detectNavigationError(details, CURRENT_ENGINE, Date.now(), local);
  return handled(Promise.resolve(before).then(() => handleFailure(background, detect, current)));
}

/** Runs a piece of handling (errors logged, never thrown) and returns when it is done. */
function handled(promise: Promise<unknown>): Promise<unknown> {
  run(promise);
  return promise.catch(() => undefined);
}

/**
 * A navigation our redirect cut off: the user's goes on, anything a page may have started is only offered on
 * the explanation (lib/signals/navigation-seq.ts). A tab a page opened keeps `openerTabId` (no `tabs`
 * permission needed to read it).
 */
async function cutOff(
  background: Background,
  tabId: number,
  url: string,
  aborted: { fromPage: boolean },
): Promise<void> {
  const tab = await browser.tabs.get(tabId).catch(() => undefined);
  if (!tab) return;
  if (giveBack(aborted, tab.openerTabId !== undefined) === 'load') await browser.tabs.update(tabId, { url });
  else if (isWebUrl(url)) await background.tabs.offer(tabId, boundWholeUrl(url));
}
