/** Thin browser glue: carries out the Actions decided in lib/decide.ts. */
import { browser } from 'wxt/browser';
import type { Actions } from './decide.ts';
import { explainPageUrl } from './explain-link.ts';
import type { Failure } from './failure.ts';
import { addToHistory } from './history.ts';
import { notifyOverlay } from './messages.ts';
import { recordFailure, setExplained } from './tab-state.ts';

const BADGE_COLOR = '#c2410c';
const OVERLAY_SCRIPT = '/content-scripts/overlay.js';

export async function present(failure: Failure, actions: Actions): Promise<void> {
  const { tabId } = failure;
  if (actions.record) await Promise.all([recordFailure(failure), addToHistory(failure)]);
  if (actions.explain) {
    await setExplained(tabId, failure.url);
    const base = browser.runtime.getURL('/explain.html');
    await browser.tabs.update(tabId, { url: explainPageUrl(base, failure) });
    return;
  }
  if (actions.badge) {
    await browser.action.setBadgeBackgroundColor({ tabId, color: BADGE_COLOR });
    await browser.action.setBadgeText({ tabId, text: '!' });
  }
  if (actions.overlay) await showOverlay(tabId);
}

/** Refreshes the card if the page has one; injects it otherwise. Nothing runs in a page before this. */
async function showOverlay(tabId: number): Promise<void> {
  if (await notifyOverlay(tabId)) return;
  try {
    await browser.scripting.executeScript({ target: { tabId }, files: [OVERLAY_SCRIPT] });
  } catch (error) {
    // A page outside our host permissions, or one that navigated away meanwhile: the badge still tells.
    console.info('[Port Doctor] overlay not injected:', error);
  }
}

/** Navigates a tab to an http(s) URL on the user's request (Retry, "open on port N"). */
export async function openInTab(tabId: number, url: string): Promise<void> {
  // A deliberate retry must be explained again if it fails again.
  await setExplained(tabId, undefined);
  await browser.tabs.update(tabId, { url });
}
