import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { decideActions } from '@/lib/decide';
import { CURRENT_ENGINE } from '@/lib/engine';
import {
  detectChromeNavigationError,
  detectChromeRequestError,
  detectFirefoxCommit,
  type NavigationDetails,
  type RequestErrorDetails,
} from '@/lib/detect';
import type { Failure } from '@/lib/failure';
import { handleMessages } from '@/lib/messages';
import { present } from '@/lib/present';
import { loadSettings } from '@/lib/settings';
import { failuresForTab, forgetTab } from '@/lib/tab-state';

// Firefox throws on an empty webNavigation filter; http(s) is all we explain anyway.
const WEB_ONLY = { url: [{ schemes: ['http', 'https'] }] };

async function handle(failure: Failure | null): Promise<void> {
  if (!failure) return;
  await present(failure, decideActions(failure, await loadSettings()));
}

export default defineBackground(() => {
  const startedAt = Date.now();
  // Every listener is registered synchronously, so an event that wakes the worker is delivered to it.
  if (CURRENT_ENGINE === 'firefox') {
    browser.webNavigation.onCommitted.addListener(
      (details: NavigationDetails) => void handle(detectFirefoxCommit(details, Date.now())),
      WEB_ONLY,
    );
  } else {
    browser.webNavigation.onErrorOccurred.addListener(
      (details: NavigationDetails) => void handle(detectChromeNavigationError(details, Date.now())),
      WEB_ONLY,
    );
    // Only hosts we hold permissions for report here: local hosts by default.
    browser.webRequest.onErrorOccurred.addListener(
      (details: RequestErrorDetails) => void handle(detectChromeRequestError(details, Date.now())),
      { urls: ['<all_urls>'] },
    );
  }
  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
  handleMessages({
    status: async () => ({ version: browser.runtime.getManifest().version, startedAt }),
    tabFailures: async (_request, sender) => (sender.tabId === undefined ? [] : failuresForTab(sender.tabId)),
  });
});
