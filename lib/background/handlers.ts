/**
 * The background's answers to the extension's own pages and to the card (lib/protocol/messages.ts checks who
 * may ask what, and in which shape, before any of these runs).
 */
import { browser } from 'wxt/browser';
import { CURRENT_ENGINE } from '../core/engine.ts';
import { isWebUrl, safeUrl } from '../core/url.ts';
import { detectNavigationError } from '../kinds/detect.ts';
import { handleMessages } from '../protocol/messages.ts';
import { RateLimit } from '../protocol/senders.ts';
import { learnScan } from '../servers/apps.ts';
import { checkPage } from '../signals/page-check.ts';
import { LIMITS, updateSettings } from '../state/settings/index.ts';
import { cardEntries, failureOfLabel } from '../view/card.ts';
import { openExplanation, openInTab } from './effects.ts';
import { handleFailure, type Background } from './pipeline.ts';

/** The card's "Why?" opens at most one explanation tab per tab in this time, whatever the page does. */
const EXPLAIN_EVERY_MS = 1000;

/** The card's page, as the browser says (never as the page says): its tab and its origin. */
function cardPage(sender: { tabId?: number; url?: string }): { tabId: number; origin: string } | undefined {
  const origin = sender.url ? safeUrl(sender.url)?.origin : undefined;
  return sender.tabId !== undefined && origin && isWebUrl(origin)
    ? { tabId: sender.tabId, origin }
    : undefined;
}

/** The card's "Don't show on this site": remembers its page's origin. */
export async function muteSite(origin: string): Promise<void> {
  await updateSettings(({ mutedSites }) =>
    mutedSites.includes(origin) ? {} : { mutedSites: [...mutedSites, origin].slice(-LIMITS.mutedSites) },
  );
}

export function answerMessages(background: Background, startedAt: number): void {
  const explainLimit = new RateLimit(EXPLAIN_EVERY_MS);
  handleMessages({
    status: async () => ({ version: browser.runtime.getManifest().version, startedAt }),
    cardEntries: async (_request, sender) => {
      const page = cardPage(sender);
      return page ? cardEntries(await background.tabs.failures(page.tabId), page.origin) : [];
    },
    preferredPorts: async () => (await background.settings.get()).preferredPorts,
    openExplanation: async ({ label }, sender) => {
      const page = cardPage(sender);
      if (!page) return false;
      const failure = failureOfLabel(await background.tabs.failures(page.tabId), page.origin, label);
      if (!failure || !explainLimit.allow(page.tabId, Date.now())) return false;
      // The explanation gets what the card showed, never more: the page chose which line.
      await openExplanation({ url: label, code: failure.code }, page.tabId);
      return true;
    },
    muteSite: async (_request, sender) => {
      const page = cardPage(sender);
      if (!page) return false;
      await muteSite(page.origin);
      return true;
    },
    checkTab: async ({ tabId }) => {
      const found = await checkPage(tabId);
      if (!found) return false;
      const details = { url: found.url, tabId, frameId: 0, error: found.code };
      const current = background.seq.snapshot(tabId, found.url);
      const detect = (local: readonly string[]) =>
        detectNavigationError(details, CURRENT_ENGINE, Date.now(), local);
      await handleFailure(background, detect, current);
      return true;
    },
    learnServers: async ({ found }) => {
      await background.apps.update((apps) => learnScan(apps, found, Date.now()));
      return true;
    },
    forgetApps: async () => {
      await background.apps.update(() => []);
      return true;
    },
    openUrl: async ({ url }, sender) => {
      // The extension never opens a URL it built unless it is http(s).
      if (sender.tabId === undefined || !isWebUrl(url)) return false;
      // Retry in the tab that failed loads what failed, query included (kept for that tab only).
      await openInTab(sender.tabId, await background.tabs.retryUrl(sender.tabId, url), background.tabs);
      return true;
    },
  });
}
