import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { i18n } from '#i18n';
import { boundUrl, boundWholeUrl } from '@/lib/core/bounded';
import { cardEntries, failureOfLabel } from '@/lib/view/card';
import { decideActions } from '@/lib/background/decide';
import {
  detectChromeRequestError,
  detectChromeResponse,
  detectFirefoxCommit,
  detectNavigationError,
  isInactiveDocument,
  kindOf,
  type NavigationDetails,
  type RequestErrorDetails,
  type ResponseDetails,
} from '@/lib/kinds/detect';
import { CURRENT_ENGINE } from '@/lib/core/engine';
import { CHROME_BLOCKED_CODE, type Failure } from '@/lib/kinds/failure';
import { RESPONSE_URLS } from '@/lib/kinds/registry';
import { isLocalHost } from '@/lib/core/local-host';
import { handleMessages } from '@/lib/protocol/messages';
import { giveBack, NavigationSeq } from '@/lib/signals/navigation-seq';
import { NavigationStarts } from '@/lib/signals/navigation-starts';
import { checkPage } from '@/lib/signals/page-check';
import { mayPreEmpt } from '@/lib/signals/pre-empt';
import { isBlocked } from '@/lib/ports/blocked';
import { ProvenBlocked } from '@/lib/signals/proven-blocked';
import { isResolvedLocal, resolveAddresses, ResolvedLocal } from '@/lib/signals/resolved-local';
import {
  explainNotified,
  failureOfNotification,
  openExplanation,
  openInTab,
  Overlays,
  pageOrigin,
  present,
} from '@/lib/background/effects';
import { headline } from '@/lib/view/headline';
import { RateLimit } from '@/lib/protocol/senders';
import { muteSite, SettingsCache } from '@/lib/state/settings';
import { TabState } from '@/lib/state/tab-state';
import { isWebUrl, portOf, safeUrl } from '@/lib/core/url';

/** A navigation cut off by another one: Chromium's net::ERR_ABORTED, Firefox's NS_BINDING_ABORTED. */
const isAbort = (error: string | undefined) =>
  error === 'net::ERR_ABORTED' || error === 'Error code 2152398850';

// Firefox throws on an empty webNavigation filter; http(s) is all we explain anyway.
const WEB_ONLY = { url: [{ schemes: ['http', 'https'] }] };
/** The card's "Why?" opens at most one explanation tab per tab in this time, whatever the page does. */
const EXPLAIN_EVERY_MS = 1000;

interface World {
  overlays: Overlays;
  settings: SettingsCache;
  tabs: TabState;
  seq: NavigationSeq;
  proven: ProvenBlocked;
  resolved: ResolvedLocal;
}

/**
 * One failure, from event to what the user sees. `current` is taken when the event arrives: the tab may
 * have moved on by the time the answer is ready.
 */
async function handle(
  detect: (localHosts: readonly string[]) => Failure | null,
  world: World,
  current: () => boolean,
  preEmpted = false,
): Promise<void> {
  const settings = await world.settings.get();
  const patterns = await localPatterns(world);
  const found = detect(patterns);
  if (!found) return;
  // Never kept (or shown) at the length that a page chose, nor with a query: lib/bounded.ts.
  const local = isLocalHost(safeUrl(found.url)?.hostname ?? '', patterns);
  const failure = { ...found, url: boundUrl(found.url, local, found.resource) };
  const whole = boundWholeUrl(found.url);
  if (failure.code === CHROME_BLOCKED_CODE) world.proven.add(failure.port);
  const wholeTab = failure.resource === 'main_frame';
  const [explained, origin] = await Promise.all([
    world.tabs.explainedUrl(failure.tabId),
    wholeTab ? undefined : pageOrigin(failure.tabId),
  ]);
  const muted = origin !== undefined && settings.mutedSites.includes(origin);
  const actions = decideActions(failure, settings, { explainedUrl: explained, muted });
  await present(failure, actions, {
    historySize: settings.historySize,
    notification: () => ({ title: headline(failure), message: failure.url }),
    current,
    redirecting: () => world.seq.redirected(failure.tabId, Date.now(), preEmpted),
    wholeUrl: whole,
    tabs: world.tabs,
    overlays: world.overlays,
  });
}

/** The user's local hosts, and the names this session found at a local address (lib/resolved-local.ts). */
async function localPatterns(world: World): Promise<string[]> {
  return [...(await world.settings.get()).localHosts, ...(await world.resolved.list())];
}

/**
 * A name a page failed on may be local by its address (devbox.test → 127.0.0.1): asked only where being local
 * would make the error one to explain, and the name is not local already. Firefox resolves it (the `dns`
 * permission); Chrome's deeper checks pass the address they saw (`ip`).
 */
async function learnAddress(world: World, urlText: string, code: string, seen?: string): Promise<void> {
  const url = safeUrl(urlText);
  if (!url) return;
  const patterns = await localPatterns(world);
  const matters =
    kindOf(url, code, patterns) === null && kindOf(url, code, [...patterns, url.hostname]) !== null;
  if (isLocalHost(url.hostname, patterns) || !matters) return;
  // Firefox resolves; Chrome passes what it saw (and has no dns API to ask).
  const addresses = CURRENT_ENGINE === 'firefox' ? await resolveAddresses(url.hostname) : seen ? [seen] : [];
  if (isResolvedLocal(url.hostname, addresses, patterns)) await world.resolved.add(url.hostname);
}

export default defineBackground(() => {
  const startedAt = Date.now();
  const world: World = {
    overlays: new Overlays(),
    settings: new SettingsCache(),
    tabs: new TabState(),
    seq: new NavigationSeq(),
    proven: new ProvenBlocked(),
    resolved: new ResolvedLocal(),
  };
  // The worker asks for a message before any page of the extension does. Chromium 156 sometimes ran the
  // extension with chrome.i18n answering "" for every key, in the worker and every page alike (a page with
  // no text): seen in e2e sessions where a page asked first (3 of 8), never where the worker did (21 of 21).
  i18n.t('extName');
  // Read now what a navigation may need to be decided at once (preEmpt below).
  void world.settings.get();
  void world.tabs.whenWarm();
  if (CURRENT_ENGINE !== 'firefox') void world.proven.whenWarm();
  const explainLimit = new RateLimit(EXPLAIN_EVERY_MS);
  browser.storage.onChanged.addListener((changes, area) => world.settings.changed(changes, area));
  const now = () => Date.now();
  const run = (promise: Promise<void>) =>
    void promise.catch((error: unknown) => console.error('[Port Doctor] failure not handled:', error));

  /** A page that really loaded in a tab ends the Back-button protection for it. */
  const loaded = (details: NavigationDetails) => {
    if (details.frameId !== 0) return;
    world.seq.shown(details.tabId, true);
    run(world.tabs.setExplained(details.tabId, undefined));
  };
  /**
   * A navigation our redirect cut off: the user's goes on, anything a page may have started is only offered on
   * the explanation (lib/navigation-seq.ts). A tab a page opened keeps `openerTabId` (no `tabs` permission
   * needed to read it).
   */
  const cutOff = async (tabId: number, url: string, aborted: { fromPage: boolean }) => {
    const tab = await browser.tabs.get(tabId).catch(() => undefined);
    if (!tab) return;
    if (giveBack(aborted, tab.openerTabId !== undefined) === 'load')
      await browser.tabs.update(tabId, { url });
    else if (isWebUrl(url)) await world.tabs.offer(tabId, boundWholeUrl(url));
  };

  // Every listener is registered synchronously, so an event that wakes the worker is delivered to it.
  browser.webNavigation.onErrorOccurred.addListener((details: NavigationDetails) => {
    // A navigation that our redirect cut off, a moment ago: the user's goes on (cutOff).
    const aborted = details.frameId === 0 && isAbort(details.error);
    const cut = aborted ? world.seq.abortedByUs(details.tabId, now()) : null;
    if (cut) return run(cutOff(details.tabId, details.url, cut));
    // The browser's error page replaced the tab's page; an aborted navigation left the page where it was.
    if (details.frameId === 0 && !aborted) world.seq.shown(details.tabId, false);
    const current = world.seq.snapshot(details.tabId, details.url);
    const learned =
      CURRENT_ENGINE === 'firefox' ? learnAddress(world, details.url, details.error ?? '') : undefined;
    run(
      Promise.resolve(learned).then(() =>
        handle((local) => detectNavigationError(details, CURRENT_ENGINE, now(), local), world, current),
      ),
    );
  }, WEB_ONLY);
  /**
   * Chromium: a navigation to a port this browser has already refused this session goes to the explanation
   * as it starts, before Chromium's error page (lib/proven-blocked.ts). Decided on what the worker knows (a
   * woken worker reads it first, below); whatever cannot be pre-empted is left to the error event.
   */
  const preEmpt = (details: NavigationDetails, woken = false) => {
    const port = portOf(details.url);
    // A worker this navigation just woke has not read its state yet. For a port on Chromium's list (healthy
    // pages never wait) it reads it first, a few milliseconds, and decides then: the error page may commit
    // meanwhile (a race; the error event then decides), but usually the explanation comes first.
    const cold = world.settings.now() === undefined || !world.tabs.isWarm() || !world.proven.isWarm();
    if (cold && !woken && port !== null && isBlocked(port, 'chromium')) {
      const warmed = Promise.all([world.settings.get(), world.tabs.whenWarm(), world.proven.whenWarm()]);
      run(warmed.then(() => preEmpt(details, true)));
      return;
    }
    const allowed = mayPreEmpt({
      url: details.url,
      port,
      settings: world.settings.now(),
      refusedBefore: port !== null && world.proven.has(port),
      inactive: isInactiveDocument(details),
      explained: world.tabs.explainedNow(details.tabId),
    });
    if (!allowed) return;
    const refused = { ...details, error: CHROME_BLOCKED_CODE };
    const current = world.seq.snapshot(details.tabId, details.url);
    run(
      handle((local) => detectNavigationError(refused, CURRENT_ENGINE, now(), local), world, current, true),
    );
  };

  // Firefox only (a constant per build, so Chrome's worker does not carry it).
  const starts = CURRENT_ENGINE === 'firefox' ? new NavigationStarts() : null;
  browser.webNavigation.onBeforeNavigate.addListener((details: NavigationDetails) => {
    const { tabId, frameId, url } = details;
    // Firefox: a load that starts on a port it blocks was re-allowed by the user (lib/navigation-starts.ts).
    const port = starts ? portOf(url) : null;
    if (starts && port !== null && isBlocked(port, 'firefox')) run(starts.start(tabId, frameId, url, now()));
    // A new page in the tab: what failed in the old one no longer applies, and a late answer to it must
    // not override this navigation. A prerender has its own frameId and changes nothing here.
    if (frameId === 0) {
      world.seq.bump(tabId, url);
      run(world.tabs.forget(tabId));
      world.overlays.forget(tabId);
      if (CURRENT_ENGINE !== 'firefox') preEmpt(details);
    }
  }, WEB_ONLY);
  if (starts) {
    browser.webNavigation.onCommitted.addListener((details: NavigationDetails) => {
      // Firefox commits its error page for a refused port, with no onBeforeNavigate: this is the navigation.
      if (details.frameId === 0) world.seq.committed(details.tabId, details.url);
      const current = world.seq.snapshot(details.tabId, details.url);
      const port = portOf(details.url);
      // Checked before anything is read: every page commits, very few on a blocked port.
      if (port === null || !isBlocked(port, 'firefox')) return loaded(details);
      run(
        starts.commit(details.tabId, details.frameId, details.url, now()).then(async (started) => {
          const failure = detectFirefoxCommit(details, started, now());
          if (failure) await handle(() => failure, world, current);
          else loaded(details);
        }),
      );
    }, WEB_ONLY);
  } else {
    browser.webNavigation.onCommitted.addListener(loaded, WEB_ONLY);
  }

  /**
   * The deeper checks (lib/deeper-checks.ts): `webRequest` is optional, and its API exists only once it is
   * granted. Registered at start-up when held, so an event that wakes the worker reaches it; and as soon as
   * it is granted. Only hosts we hold permissions for report here: local hosts by default.
   */
  const onRequestError = (details: RequestErrorDetails) => {
    // A tab or frame that failed is webNavigation's to report; its address is what only this event tells.
    if (details.ip && (details.type === 'main_frame' || details.type === 'sub_frame'))
      run(learnAddress(world, details.url, details.error, details.ip));
    run(
      handle(
        (local) => detectChromeRequestError(details, now(), local),
        world,
        () => true,
      ),
    );
  };
  /** A response that is a failure although the page loads (AirPlay's 403): only the ports kinds declare. */
  const onResponse = (details: ResponseDetails): undefined => {
    const current = world.seq.snapshot(details.tabId, details.url);
    run(handle((local) => detectChromeResponse(details, now(), local), world, current));
    // Nothing to change in the response: this listener only looks.
    return undefined;
  };
  const listenToRequests = () => {
    if (CURRENT_ENGINE === 'firefox' || !browser.webRequest) return;
    if (browser.webRequest.onErrorOccurred.hasListener(onRequestError)) return;
    browser.webRequest.onErrorOccurred.addListener(onRequestError, { urls: ['<all_urls>'] });
    browser.webRequest.onHeadersReceived.addListener(
      onResponse,
      { urls: RESPONSE_URLS, types: ['main_frame', 'sub_frame'] },
      ['responseHeaders'],
    );
  };
  listenToRequests();

  /** A click on our notification explains the failure, in its tab only if the tab still shows it. */
  const onNotificationClicked = (id: string) => {
    const failure = failureOfNotification(id);
    if (!failure) return;
    void browser.notifications.clear(id);
    run(explainNotified(failure, world.tabs));
  };
  const listenToNotifications = () => {
    // `notifications` is an optional permission: the API exists only once it is granted.
    if (!browser.notifications || browser.notifications.onClicked.hasListener(onNotificationClicked)) return;
    browser.notifications.onClicked.addListener(onNotificationClicked);
  };
  listenToNotifications();
  browser.permissions.onAdded.addListener(() => {
    listenToNotifications();
    listenToRequests();
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    run(world.tabs.closed(tabId));
    world.overlays.forget(tabId);
    world.seq.forget(tabId);
  });

  /** The card's page, as the browser says (never as the page says): its tab and its origin. */
  const cardPage = (sender: { tabId?: number; url?: string }) => {
    const origin = sender.url ? safeUrl(sender.url)?.origin : undefined;
    return sender.tabId !== undefined && origin && isWebUrl(origin)
      ? { tabId: sender.tabId, origin }
      : undefined;
  };
  handleMessages({
    status: async () => ({ version: browser.runtime.getManifest().version, startedAt }),
    cardEntries: async (_request, sender) => {
      const page = cardPage(sender);
      return page ? cardEntries(await world.tabs.failures(page.tabId), page.origin) : [];
    },
    preferredPorts: async () => (await world.settings.get()).preferredPorts,
    openExplanation: async ({ label }, sender) => {
      const page = cardPage(sender);
      if (!page) return false;
      const failure = failureOfLabel(await world.tabs.failures(page.tabId), page.origin, label);
      if (!failure || !explainLimit.allow(page.tabId, now())) return false;
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
      const current = world.seq.snapshot(tabId, found.url);
      await handle((local) => detectNavigationError(details, CURRENT_ENGINE, now(), local), world, current);
      return true;
    },
    openUrl: async ({ url }, sender) => {
      // The extension never opens a URL it built unless it is http(s).
      if (sender.tabId === undefined || !isWebUrl(url)) return false;
      // Retry in the tab that failed loads what failed, query included (kept for that tab only).
      await openInTab(sender.tabId, await world.tabs.retryUrl(sender.tabId, url), world.tabs);
      return true;
    },
  });
});
