/**
 * Learns the apps on this machine's loopback ports from the pages the user opens, without a request of its
 * own: when a page on localhost, 127.0.0.1 or [::1] (the hosts Port Doctor has access to: lib/core/host-access.ts)
 * finishes loading in a tab's top frame, its title, as the tab shows it. Never from a private window.
 */
import { browser } from 'wxt/browser';
import { learnPage, pageTitle, type App } from '../servers/apps.ts';
import type { Stored } from '../state/stored.ts';

/** The event filter: only these pages wake the background for this (Chrome filters before it runs). */
const LOOPBACK_PAGES = {
  url: ['localhost', '127.0.0.1', '[::1]'].map((hostEquals) => ({ schemes: ['http', 'https'], hostEquals })),
};

export function listenToLocalPages(apps: Stored<App[]>): void {
  browser.webNavigation.onCompleted.addListener(async (details) => {
    if (details.frameId !== 0) return;
    const tab = await browser.tabs.get(details.tabId).catch(() => undefined);
    // The tab has moved on since (its URL is another), or is private: nothing is learned.
    if (!tab || tab.incognito || tab.url !== details.url) return;
    const title = pageTitle(tab.title, details.url);
    if (title === null) return;
    await apps.update((list) => learnPage(list, details.url, title, Date.now()));
  }, LOOPBACK_PAGES);
}
