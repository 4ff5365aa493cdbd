/**
 * Turns browser events into Failures. Pure: the background passes the event details in.
 *
 * Chrome reports a blocked port as webNavigation.onErrorOccurred (navigations) and webRequest.onErrorOccurred
 * (everything) with net::ERR_UNSAFE_PORT. Firefox refuses the port before any request exists, so it fires no
 * error event, not even onBeforeNavigate: only onCommitted for its error page, with the original URL
 * (nsIOService::AllowPort in Firefox's netwerk/base/nsIOService.cpp refuses it before a channel is opened;
 * test/e2e/firefox covers it). There the port is the evidence, and a navigation that did start
 * (onBeforeNavigate seen) proves the user unblocked the port in about:config.
 */
import { CHROME_BLOCKED_CODE, FIREFOX_BLOCKED_CODE, type Failure, type FailureKind } from './failure.ts';
import { classify, RESPONSE_KINDS } from './registry.ts';
import { isLocalHost } from '../core/local-host.ts';
import { isBlocked } from '../ports/blocked.ts';
import { effectivePort, safeUrl } from '../core/url.ts';

/** The part of webNavigation event details that detection reads. */
export interface NavigationDetails {
  url: string;
  tabId: number;
  frameId: number;
  error?: string;
  /** Chrome 106+: 'prerender' and 'cached' (back/forward cache) documents are not what the user sees. */
  documentLifecycle?: string;
}

/** The part of webRequest.onErrorOccurred details that detection reads. */
export interface RequestErrorDetails extends NavigationDetails {
  type: string;
  error: string;
  initiator?: string;
  /** The address the request went to, when Chrome got that far. */
  ip?: string;
}

/**
 * A document the user is not looking at: a prerender (speculation rules, the omnibox) has its own frameId
 * and the real tabId, so without this its failure would badge the visible page and put a card in it
 * (https://developer.chrome.com/docs/extensions/reference/api/webNavigation#type-DocumentLifecycle).
 */
export function isInactiveDocument(details: Pick<NavigationDetails, 'documentLifecycle'>): boolean {
  const lifecycle = details.documentLifecycle;
  return lifecycle === 'prerender' || lifecycle === 'cached' || lifecycle === 'pending_deletion';
}

type Engine = Failure['engine'];

const PORTED_SCHEMES = new Set(['http:', 'https:', 'ws:', 'wss:']);

function failure(
  kind: FailureKind,
  details: NavigationDetails,
  port: number,
  code: string,
  engine: Engine,
  now: number,
): Failure {
  const { url, tabId, frameId } = details;
  return {
    kind,
    url,
    port,
    code,
    engine,
    tabId,
    frameId,
    resource: frameId === 0 ? 'main_frame' : 'sub_frame',
    time: now,
  };
}

/**
 * What a browser error means for this URL, or null when Port Doctor has nothing to say about it. Shared by
 * detection and by the explanation page, which re-reads the failure from its own address.
 */
export function kindOf(url: URL, code: string, localHosts: readonly string[] = []): FailureKind | null {
  const port = effectivePort(url);
  if (!PORTED_SCHEMES.has(url.protocol) || port === null) return null;
  return classify({ url, code, port, local: isLocalHost(url.hostname, localHosts) });
}

/** webNavigation.onErrorOccurred, in either browser. */
export function detectNavigationError(
  details: NavigationDetails,
  engine: Engine,
  now: number,
  localHosts: readonly string[] = [],
): Failure | null {
  const url = safeUrl(details.url);
  if (!url || details.tabId < 0 || !details.error || isInactiveDocument(details)) return null;
  // Firefox's own blocked code never arrives as an error event; only Chrome's does.
  const kind = details.error === FIREFOX_BLOCKED_CODE ? null : kindOf(url, details.error, localHosts);
  const port = effectivePort(url);
  return kind && port !== null ? failure(kind, details, port, details.error, engine, now) : null;
}

/**
 * Chrome: webRequest.onErrorOccurred for a page's own requests (fetch, XHR, WebSocket, images...).
 * Frames are left to webNavigation, which reports them once.
 */
export function detectChromeRequestError(
  details: RequestErrorDetails,
  now: number,
  localHosts: readonly string[] = [],
): Failure | null {
  if (details.type === 'main_frame' || details.type === 'sub_frame' || details.error !== CHROME_BLOCKED_CODE)
    return null;
  const found = detectNavigationError(details, 'chromium', now, localHosts);
  return (
    found && { ...found, resource: details.type, ...(details.initiator && { initiator: details.initiator }) }
  );
}

/** The part of webRequest.onHeadersReceived details (with responseHeaders) that detection reads. */
export interface ResponseDetails extends NavigationDetails {
  type: string;
  statusCode: number;
  responseHeaders?: { name: string; value?: string }[];
}

/**
 * Chrome's deeper checks: a response that is a failure although the page loads (AirPlay's 403 on 5000/7000).
 * A whole page or a frame only; what a kind declares (lib/kinds/types.ts, ResponseSignal) decides.
 */
export function detectChromeResponse(
  details: ResponseDetails,
  now: number,
  localHosts: readonly string[] = [],
): Failure | null {
  if (details.type !== 'main_frame' && details.type !== 'sub_frame') return null;
  for (const kind of RESPONSE_KINDS) {
    const signal = kind.response;
    if (!signal || details.statusCode !== signal.status) continue;
    const value = details.responseHeaders?.find(
      (header) => header.name.toLowerCase() === signal.header,
    )?.value;
    if (!value?.startsWith(signal.startsWith)) continue;
    const found = detectNavigationError({ ...details, error: signal.code }, 'chromium', now, localHosts);
    if (found) return found;
  }
  return null;
}

/**
 * Firefox: webNavigation.onCommitted of a URL whose port Firefox refuses. `started` tells whether
 * onBeforeNavigate fired for it: Firefox fires none for a refused port, so a started load was allowed.
 */
export function detectFirefoxCommit(
  details: NavigationDetails,
  started: boolean,
  now: number,
): Failure | null {
  const url = safeUrl(details.url);
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || details.tabId < 0 || started)
    return null;
  const port = effectivePort(url);
  return port !== null && isBlocked(port, 'firefox')
    ? failure('blocked-port', details, port, FIREFOX_BLOCKED_CODE, 'firefox', now)
    : null;
}
