/** Thin browser glue: carries out the Actions decided in lib/background/decide.ts. */
import { browser } from 'wxt/browser';
import { decideActions, type Actions } from './decide.ts';
import type { Settings } from '../state/settings/index.ts';
import { explainPageUrl, type ExplainParams } from '../view/explain-link.ts';
import type { Failure } from '../kinds/failure.ts';
import { addToHistory } from '../state/history.ts';
import { notifyOverlay } from '../protocol/messages.ts';
import type { TabState } from '../state/tab-state.ts';
import { boundWholeUrl, withoutQuery } from '../core/bounded.ts';
import { safeUrl } from '../core/url.ts';

const BADGE_COLOR = '#c2410c';
const OVERLAY_SCRIPT = '/content-scripts/overlay.js';

interface NotificationText {
  title: string;
  message: string;
}

export interface ActOptions {
  historySize: number;
  /** The notification's text, made by the caller (it owns i18n), only when one is shown. */
  notification: () => NotificationText;
  /**
   * Is the tab still on the navigation that failed? Checked right before the tab is moved: the user may
   * have typed another URL meanwhile, and what the user did last wins.
   */
  current: () => boolean;
  /** Called just as the tab is sent to the explanation. */
  redirecting: () => void;
  /** The URL as it failed, query included: kept for Retry in this tab only (lib/state/tab-state.ts). */
  wholeUrl: string;
  tabs: TabState;
  overlays: Overlays;
}

export async function actOn(failure: Failure, actions: Actions, options: ActOptions): Promise<void> {
  const { tabId } = failure;
  if (!actions.record) return;
  // A whole-tab failure the user has already left behind: kept in the history, nothing else.
  const superseded = failure.resource === 'main_frame' && !options.current();
  // The tab leaves its error page first: every millisecond here is the user's wait for the answer.
  const redirect = actions.explain && !superseded;
  if (redirect) options.redirecting();
  const explained = redirect ? explainInTab(failure, options.tabs, options.wholeUrl) : undefined;
  const incognito = await isIncognito(tabId);
  await Promise.all([
    explained,
    superseded ? undefined : options.tabs.record(failure),
    incognito ? undefined : addToHistory(failure, options.historySize),
  ]);
  if (superseded || actions.explain) return;
  if (actions.notify) await notify(failure, options.notification());
  if (actions.badge) await showBadge(tabId);
  if (actions.overlay) await options.overlays.show(tabId);
}

/**
 * Sets the badge again for the tab's latest failure at `url`, when its reaction badges it. Firefox clears a tab's
 * badge as a page commits in it, and commits its error page after it reported the error: the badge that failure
 * set may be gone (lib/signals/firefox.ts).
 */
export async function badgeAgain(
  tabId: number,
  url: string,
  latest: Failure | undefined,
  settings: Settings,
): Promise<void> {
  if (!latest || latest.url !== withoutQuery(url)) return;
  const actions = decideActions(latest, settings);
  if (actions.badge && !actions.explain) await showBadge(tabId);
}

async function showBadge(tabId: number): Promise<void> {
  await browser.action.setBadgeBackgroundColor({ tabId, color: BADGE_COLOR });
  await browser.action.setBadgeText({ tabId, text: '!' });
}

/** Private (incognito) windows leave nothing behind: their failures never reach the history. */
async function isIncognito(tabId: number): Promise<boolean> {
  try {
    return (await browser.tabs.get(tabId)).incognito;
  } catch {
    // The tab is gone: whatever it was, keep nothing of it.
    return true;
  }
}

/**
 * Which tabs' current pages have the card (or are being given it). A second injection would start a second
 * copy whose start-up retires the first (WXT's ContentScriptContext), so a page is injected once; the card
 * reads the failures itself when it starts, and later ones reach it by message. One per background
 * instance: after a worker restart the card still answers messages, so nothing is injected twice.
 */
export class Overlays {
  #injected = new Set<number>();

  /** A new page in the tab, or the tab closed: the next blocked request injects the card afresh. */
  forget(tabId: number): void {
    this.#injected.delete(tabId);
  }

  /** Refreshes the card if the page has one; injects it otherwise. Nothing runs in a page before this. */
  async show(tabId: number): Promise<void> {
    if ((await notifyOverlay(tabId)) || this.#injected.has(tabId)) return;
    this.#injected.add(tabId);
    try {
      await browser.scripting.executeScript({ target: { tabId }, files: [OVERLAY_SCRIPT] });
    } catch (error) {
      // A page outside our host permissions, or one that navigated away meanwhile: the badge still tells.
      this.#injected.delete(tabId);
      console.info('[Port Doctor] overlay not injected:', error);
    }
  }
}

/** Sends a tab whose page failed to the explanation of the failure. */
export async function explainInTab(
  failure: Pick<Failure, 'tabId' | 'url' | 'code'>,
  tabs: TabState,
  wholeUrl?: string,
): Promise<void> {
  await Promise.all([
    browser.tabs.update(failure.tabId, { url: explanationUrl(failure) }),
    tabs.setExplained(failure.tabId, failure.url, wholeUrl),
  ]);
}

/**
 * A click on our notification, maybe minutes later: the tab is sent to the explanation only if it still
 * shows the failure; otherwise whatever the user has there now stays, and the explanation opens in a new tab.
 */
export async function explainNotified(
  failure: Pick<Failure, 'tabId' | 'url' | 'code'>,
  tabs: TabState,
): Promise<void> {
  const tab = await browser.tabs.get(failure.tabId).catch(() => undefined);
  // The failure is kept without its query (lib/core/bounded.ts); the tab's address has it.
  if (tab?.url !== undefined && withoutQuery(tab.url) === failure.url)
    await explainInTab(failure, tabs, boundWholeUrl(tab.url));
  else await browser.tabs.create({ url: explanationUrl(failure) });
}

/** The notification's id carries what a click needs, so it works after the worker restarted. */
export function notificationId(failure: Failure): string {
  const { tabId, url, code, kind, port } = failure;
  return JSON.stringify({ tabId, url, code, kind, port });
}

/** The failure behind a clicked notification of ours, or null for anything else. */
export function failureOfNotification(id: string): Pick<Failure, 'tabId' | 'url' | 'code'> | null {
  try {
    const value: unknown = JSON.parse(id);
    if (typeof value !== 'object' || value === null) return null;
    const { tabId, url, code } = value as Record<string, unknown>;
    return typeof tabId === 'number' && typeof url === 'string' && typeof code === 'string'
      ? { tabId, url, code }
      : null;
  } catch {
    return null;
  }
}

async function notify(failure: Failure, text: NotificationText): Promise<void> {
  // `notifications` is optional, asked for when the user picks this reaction; without it the badge tells.
  if (!browser.notifications) return;
  try {
    await browser.notifications.create(notificationId(failure), {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      ...text,
    });
  } catch (error) {
    console.info('[Port Doctor] notification not shown:', error);
  }
}

/** This extension's explanation page for a failure. */
function explanationUrl(params: ExplainParams): string {
  return explainPageUrl(browser.runtime.getURL('/explain.html'), params);
}

/** Opens the explanation of a failure in a new tab next to `besideTabId` (the overlay's "Why?"). */
export async function openExplanation(params: ExplainParams, besideTabId?: number): Promise<void> {
  const url = explanationUrl(params);
  const beside =
    besideTabId === undefined ? undefined : await browser.tabs.get(besideTabId).catch(() => undefined);
  await browser.tabs.create({ url, ...(beside && { index: beside.index + 1, openerTabId: beside.id }) });
}

/** The origin of the page in a tab, when our host permissions let us see it. */
export async function pageOrigin(tabId: number): Promise<string | undefined> {
  try {
    const tab = await browser.tabs.get(tabId);
    return tab.url ? safeUrl(tab.url)?.origin : undefined;
  } catch {
    return undefined;
  }
}

/** Navigates a tab to an http(s) URL on the user's request (Retry, "open on port N"). */
export async function openInTab(tabId: number, url: string, tabs: TabState): Promise<void> {
  // A deliberate retry must be explained again if it fails again.
  await tabs.setExplained(tabId, undefined);
  await browser.tabs.update(tabId, { url });
}
