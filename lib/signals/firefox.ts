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
import { handleFailure, learnAddress, run, type Background } from '../background/pipeline.ts';
import { failed, loaded, started, WEB_ONLY } from './navigation.ts';
import { NavigationStarts } from './navigation-starts.ts';
import { resolveAddresses } from './resolved-local.ts';

export function listenFirefox(background: Background): void {
  const starts = new NavigationStarts();
  browser.webNavigation.onErrorOccurred.addListener((details: NavigationDetails) => {
    const learned = learnAddress(background, details.url, details.error ?? '', resolveAddresses);
    failed(background, details, learned);
  }, WEB_ONLY);
  browser.webNavigation.onBeforeNavigate.addListener((details: NavigationDetails) => {
    const { tabId, frameId, url } = details;
    // A load that starts on a port Firefox blocks was re-allowed by the user (lib/signals/navigation-starts.ts).
    const port = portOf(url);
    if (port !== null && isBlocked(port, 'firefox')) run(starts.start(tabId, frameId, url, Date.now()));
    if (frameId === 0) started(background, details);
  }, WEB_ONLY);
  browser.webNavigation.onCommitted.addListener((details: NavigationDetails) => {
    // Firefox commits its error page for a refused port, with no onBeforeNavigate: this is the navigation.
    if (details.frameId === 0) background.seq.committed(details.tabId, details.url);
    const current = background.seq.snapshot(details.tabId, details.url);
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
