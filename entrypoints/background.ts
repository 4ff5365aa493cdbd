import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { decideActions } from '@/lib/decide';
import {
  detectChromeRequestError,
  detectFirefoxCommit,
  detectNavigationError,
  type NavigationDetails,
  type RequestErrorDetails,
} from '@/lib/detect';
import { CURRENT_ENGINE } from '@/lib/engine';
import type { Failure } from '@/lib/failure';
import { handleMessages } from '@/lib/messages';
import { NavigationStarts } from '@/lib/navigation-starts';
import {
  explainInTab,
  failureOfNotification,
  openExplanation,
  openInTab,
  Overlays,
  pageOrigin,
  present,
} from '@/lib/present';
import { headline } from '@/components/headline';
import { muteSite, SettingsCache } from '@/lib/settings';
import { explainedUrl, failuresForTab, forgetTab, setExplained } from '@/lib/tab-state';
import { isWebUrl, safeUrl } from '@/lib/url';

// Firefox throws on an empty webNavigation filter; http(s) is all we explain anyway.
const WEB_ONLY = { url: [{ schemes: ['http', 'https'] }] };

/** A change on the options page reaches the cache at once, so it applies to the next event. */
async function handle(
  detect: (localHosts: readonly string[]) => Failure | null,
  overlays: Overlays,
  cache: SettingsCache,
): Promise<void> {
  const settings = await cache.get();
  const failure = detect(settings.localHosts);
  if (!failure) return;
  const wholeTab = failure.resource === 'main_frame';
  const [explained, origin] = await Promise.all([
    explainedUrl(failure.tabId),
    wholeTab ? undefined : pageOrigin(failure.tabId),
  ]);
  const muted = origin !== undefined && settings.mutedSites.includes(origin);
  const actions = decideActions(failure, settings, { explainedUrl: explained, muted });
  await present(failure, actions, overlays, {
    historySize: settings.historySize,
    notification: () => ({ title: headline(failure), message: failure.url }),
  });
}

/** A click on our notification explains the failure in its tab. */
function listenToNotifications(): void {
  // `notifications` is an optional permission: the API exists only once it is granted.
  if (!browser.notifications || browser.notifications.onClicked.hasListener(explainNotified)) return;
  browser.notifications.onClicked.addListener(explainNotified);
}

function explainNotified(id: string): void {
  const failure = failureOfNotification(id);
  if (!failure) return;
  void browser.notifications.clear(id);
  void explainInTab(failure).catch((error: unknown) => console.info('[Port Doctor] tab gone:', error));
}

/** A page that really loaded in a tab ends the Back-button protection for it. */
function loaded(details: NavigationDetails): void {
  if (details.frameId === 0) void setExplained(details.tabId, undefined);
}

export default defineBackground(() => {
  const startedAt = Date.now();
  const overlays = new Overlays();
  const settings = new SettingsCache();
  browser.storage.onChanged.addListener((changes, area) => settings.changed(changes, area));
  const now = () => Date.now();
  // Every listener is registered synchronously, so an event that wakes the worker is delivered to it.
  browser.webNavigation.onErrorOccurred.addListener(
    (details: NavigationDetails) =>
      void handle(
        (local) => detectNavigationError(details, CURRENT_ENGINE, now(), local),
        overlays,
        settings,
      ),
    WEB_ONLY,
  );
  const starts = new NavigationStarts();
  browser.webNavigation.onBeforeNavigate.addListener(({ tabId, frameId, url }) => {
    if (CURRENT_ENGINE === 'firefox') starts.start(tabId, frameId, url);
    // A new page in the tab: what failed in the old one no longer applies.
    if (frameId === 0) {
      void forgetTab(tabId);
      overlays.forget(tabId);
    }
  }, WEB_ONLY);
  if (CURRENT_ENGINE === 'firefox') {
    browser.webNavigation.onCommitted.addListener((details: NavigationDetails) => {
      const started = starts.commit(details.tabId, details.frameId, details.url);
      // Checked before the settings are read: every page commits, very few fail.
      const failure = detectFirefoxCommit(details, started, now());
      if (failure) void handle(() => failure, overlays, settings);
      else loaded(details);
    }, WEB_ONLY);
  } else {
    browser.webNavigation.onCommitted.addListener(loaded, WEB_ONLY);
    // Only hosts we hold permissions for report here: local hosts by default.
    browser.webRequest.onErrorOccurred.addListener(
      (details: RequestErrorDetails) =>
        void handle((local) => detectChromeRequestError(details, now(), local), overlays, settings),
      { urls: ['<all_urls>'] },
    );
  }
  listenToNotifications();
  browser.permissions.onAdded.addListener(listenToNotifications);
  browser.tabs.onRemoved.addListener((tabId) => {
    void forgetTab(tabId);
    overlays.forget(tabId);
    void setExplained(tabId, undefined);
  });
  handleMessages({
    status: async () => ({ version: browser.runtime.getManifest().version, startedAt }),
    tabFailures: async (_request, sender) => (sender.tabId === undefined ? [] : failuresForTab(sender.tabId)),
    preferredPorts: async () => (await settings.get()).preferredPorts,
    openExplanation: async (params, sender) => {
      await openExplanation(params, sender.tabId);
      return true;
    },
    muteSite: async (_request, sender) => {
      const origin = sender.url ? safeUrl(sender.url)?.origin : undefined;
      if (!origin || !isWebUrl(origin)) return false;
      await muteSite(origin);
      return true;
    },
    openUrl: async ({ url }, sender) => {
      // The extension never opens a URL it built unless it is http(s).
      if (sender.tabId === undefined || !isWebUrl(url)) return false;
      await openInTab(sender.tabId, url);
      return true;
    },
  });
});
