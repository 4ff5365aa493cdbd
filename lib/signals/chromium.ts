/**
 * Chromium's signals: webNavigation for tabs and frames; a navigation to a port this browser already refused
 * explained as it starts (pre-empt); and, with the deeper checks (`webRequest`, optional), a page's own
 * requests and the responses kinds ask for. Every listener is registered synchronously, so that an event that
 * wakes the worker is delivered to it.
 */
import { browser } from 'wxt/browser';
import { portOf } from '../core/url.ts';
import {
  detectChromeRequestError,
  detectChromeResponse,
  detectNavigationError,
  isInactiveDocument,
  type NavigationDetails,
  type RequestErrorDetails,
  type ResponseDetails,
} from '../kinds/detect.ts';
import { CHROME_BLOCKED_CODE } from '../kinds/failure.ts';
import { RESPONSE_URLS } from '../kinds/registry.ts';
import { isBlocked } from '../ports/blocked.ts';
import { handleFailure, learnAddress, run, type Background } from '../background/pipeline.ts';
import { failed, loaded, started, WEB_ONLY } from './navigation.ts';
import { mayPreEmpt } from './pre-empt.ts';

export function listenChromium(background: Background): void {
  void background.proven.whenWarm();
  browser.webNavigation.onErrorOccurred.addListener((details) => failed(background, details), WEB_ONLY);
  browser.webNavigation.onBeforeNavigate.addListener((details: NavigationDetails) => {
    // A prerender has its own frameId and changes nothing here.
    if (details.frameId !== 0) return;
    started(background, details);
    preEmpt(background, details);
  }, WEB_ONLY);
  browser.webNavigation.onCommitted.addListener((details) => loaded(background, details), WEB_ONLY);
  listenToRequests(background);
  // The deeper checks' API exists only once granted: listened to as soon as it is.
  browser.permissions.onAdded.addListener(() => listenToRequests(background));
}

/**
 * A navigation to a port this browser has already refused this session goes to the explanation as it starts,
 * before Chromium's error page (lib/signals/proven-blocked.ts). Decided on what the worker knows; whatever
 * cannot be pre-empted is left to the error event.
 */
function preEmpt(background: Background, details: NavigationDetails, woken = false): void {
  const { settings, tabs, proven, seq } = background;
  const port = portOf(details.url);
  // A worker this navigation just woke has not read its state yet. For a port on Chromium's list (healthy
  // pages never wait) it reads it first, a few milliseconds, and decides then: the error page may commit
  // meanwhile (a race; the error event then decides), but usually the explanation comes first.
  const cold = settings.now() === undefined || !tabs.isWarm() || !proven.isWarm();
  if (cold && !woken && port !== null && isBlocked(port, 'chromium')) {
    const warmed = Promise.all([settings.get(), tabs.whenWarm(), proven.whenWarm()]);
    return run(warmed.then(() => preEmpt(background, details, true)));
  }
  const allowed = mayPreEmpt({
    url: details.url,
    port,
    settings: settings.now(),
    refusedBefore: port !== null && proven.has(port),
    inactive: isInactiveDocument(details),
    explained: tabs.explainedNow(details.tabId),
  });
  if (!allowed) return;
  const refused = { ...details, error: CHROME_BLOCKED_CODE };
  const current = seq.snapshot(details.tabId, details.url);
  const detect = (local: readonly string[]) => detectNavigationError(refused, 'chromium', Date.now(), local);
  run(handleFailure(background, detect, current, true));
}

/**
 * The deeper checks (lib/state/permissions.ts): `webRequest` is optional, and its API exists only once it is
 * granted. Only hosts we hold permissions for report here: local hosts by default.
 */
function listenToRequests(background: Background): void {
  if (!browser.webRequest || browser.webRequest.onErrorOccurred.hasListeners()) return;
  browser.webRequest.onErrorOccurred.addListener(
    (details: RequestErrorDetails) => {
      // A tab or frame that failed is webNavigation's to report; its address is what only this event tells.
      const { ip } = details;
      if (ip && (details.type === 'main_frame' || details.type === 'sub_frame'))
        run(learnAddress(background, details.url, details.error, async () => [ip]));
      const detect = (local: readonly string[]) => detectChromeRequestError(details, Date.now(), local);
      run(handleFailure(background, detect, () => true));
    },
    { urls: ['<all_urls>'] },
  );
  // A response that is a failure although the page loads (AirPlay's 403): only the ports kinds declare.
  browser.webRequest.onHeadersReceived.addListener(
    (details: ResponseDetails): undefined => {
      const current = background.seq.snapshot(details.tabId, details.url);
      const detect = (local: readonly string[]) => detectChromeResponse(details, Date.now(), local);
      run(handleFailure(background, detect, current));
      // Nothing to change in the response: this listener only looks.
      return undefined;
    },
    { urls: RESPONSE_URLS, types: ['main_frame', 'sub_frame'] },
    ['responseHeaders'],
  );
}
