/**
 * Firefox's signals: webNavigation only (Firefox gives extensions nothing for a request it refuses by port).
 * Firefox fires no onBeforeNavigate for a port it blocks and commits its error page instead, so a commit on a
 * blocked port with no start is the refusal (lib/signals/navigation-starts.ts); a name that failed may be local
 * by its address, which Firefox resolves (`dns`). Every listener is registered synchronously, so that an event
 * that wakes the event page is delivered to it.
 */
import { browser } from 'wxt/browser';
import { portOf } from '../core/url.ts';
import { detectFirefoxCommit, type NavigationDetails } from '../kinds/detect.ts';
import { isBlocked } from '../ports/blocked.ts';
import { badgeAgain } from '../background/effects.ts';
import { handleFailure, learnAddress, run, type Background } from '../background/pipeline.ts';
import { failed, loaded, started, WEB_ONLY } from './navigation.ts';
import { NavigationStarts } from './navigation-starts.ts';
import { resolveAddresses } from './resolved-local.ts';

/** The error page committed: the badge its failure set, set again (lib/background/effects.ts badgeAgain). */
async function rebadge(background: Background, tabId: number, url: string): Promise<void> {
  const [failures, settings] = await Promise.all([
    background.tabs.failures(tabId),
    background.settings.get(),
  ]);
  await badgeAgain(tabId, url, failures.at(-1), settings);
}

export function listenFirefox(background: Background): void {
  const starts = new NavigationStarts();
  // A tab's error, until its next start: Firefox reports an error, then commits its error page at the same
  // address, which clears the badge the failure set (badgeAgain). Seen by the helper that rewrote the e2e suite
  // as shared scenarios: '!' set right after onErrorOccurred read '' once the error page committed.
  const erred = new Map<number, { url: string; handled: Promise<unknown> }>();
  browser.webNavigation.onErrorOccurred.addListener((details: NavigationDetails) => {
    const learned = learnAddress(background, details.url, details.error ?? '', resolveAddresses);
    const handled = failed(background, details, learned);
    if (details.frameId === 0) erred.set(details.tabId, { url: details.url, handled });
  }, WEB_ONLY);
  browser.webNavigation.onBeforeNavigate.addListener((details: NavigationDetails) => {
    const { tabId, frameId, url } = details;
    if (frameId === 0) erred.delete(tabId);
    // A load that starts on a port Firefox blocks was re-allowed by the user (lib/signals/navigation-starts.ts).
    const port = portOf(url);
    if (port !== null && isBlocked(port, 'firefox')) run(starts.start(tabId, frameId, url, Date.now()));
    if (frameId === 0) started(background, details);
  }, WEB_ONLY);
  browser.webNavigation.onCommitted.addListener((details: NavigationDetails) => {
    // Firefox commits its error page for a refused port, with no onBeforeNavigate: this is the navigation.
    if (details.frameId === 0) background.seq.committed(details.tabId, details.url);
    const current = background.seq.snapshot(details.tabId, details.url);
    const error = details.frameId === 0 ? erred.get(details.tabId) : undefined;
    if (error?.url === details.url) {
      erred.delete(details.tabId);
      run(error.handled.then(() => rebadge(background, details.tabId, details.url)));
    }
    const port = portOf(details.url);
    // Checked before anything is read: every page commits, very few on a blocked port.
    if (port === null || !isBlocked(port, 'firefox')) return loaded(background, details);
    run(
      starts.commit(details.tabId, details.frameId, details.url, Date.now()).then(async (started) => {
        const failure = detectFirefoxCommit(details, started, Date.now());
        if (failure) await handleFailure(background, () => failure, current);
        else loaded(background, details);
      }),
    );
  }, WEB_ONLY);
}
