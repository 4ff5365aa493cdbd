/**
 * Turns browser events into Failures. Pure: the background passes the event details in.
 *
 * Chrome reports a blocked port as webNavigation.onErrorOccurred (navigations) and webRequest.onErrorOccurred
 * (everything) with net::ERR_UNSAFE_PORT. Firefox refuses the port before any request exists, so it fires no
 * error event at all: only onCommitted for its error page, with the original URL
 * (../shared/reference/ports.md §4.3). There the port itself is the evidence.
 */
import { CHROME_BLOCKED_CODE, FIREFOX_BLOCKED_CODE, type Failure } from './failure.ts';
import { isBlocked } from './ports/blocked.ts';
import { effectivePort, safeUrl } from './url.ts';

/** The part of webNavigation event details that detection reads. */
export interface NavigationDetails {
  url: string;
  tabId: number;
  frameId: number;
  error?: string;
}

/** The part of webRequest.onErrorOccurred details that detection reads. */
export interface RequestErrorDetails extends NavigationDetails {
  type: string;
  error: string;
}

const PORTED_SCHEMES = new Set(['http:', 'https:', 'ws:', 'wss:']);

function portOf(text: string): number | null {
  const url = safeUrl(text);
  return url && PORTED_SCHEMES.has(url.protocol) ? effectivePort(url) : null;
}

function frameResource(frameId: number): string {
  return frameId === 0 ? 'main_frame' : 'sub_frame';
}

/** Chrome: webNavigation.onErrorOccurred. */
export function detectChromeNavigationError(details: NavigationDetails, now: number): Failure | null {
  if (details.error !== CHROME_BLOCKED_CODE || details.tabId < 0) return null;
  const port = portOf(details.url);
  if (port === null) return null;
  const { url, tabId, frameId } = details;
  return {
    kind: 'blocked-port',
    url,
    port,
    code: CHROME_BLOCKED_CODE,
    engine: 'chromium',
    tabId,
    frameId,
    resource: frameResource(frameId),
    time: now,
  };
}

/**
 * Chrome: webRequest.onErrorOccurred for a page's own requests (fetch, XHR, WebSocket, images...).
 * Frames are left to webNavigation, which reports them once.
 */
export function detectChromeRequestError(details: RequestErrorDetails, now: number): Failure | null {
  if (details.type === 'main_frame' || details.type === 'sub_frame') return null;
  const failure = detectChromeNavigationError(details, now);
  return failure && { ...failure, resource: details.type };
}

/** Firefox: webNavigation.onCommitted of a URL whose port Firefox refuses. */
export function detectFirefoxCommit(details: NavigationDetails, now: number): Failure | null {
  if (details.tabId < 0) return null;
  const port = portOf(details.url);
  if (port === null || !isBlocked(port, 'firefox')) return null;
  const { url, tabId, frameId } = details;
  return {
    kind: 'blocked-port',
    url,
    port,
    code: FIREFOX_BLOCKED_CODE,
    engine: 'firefox',
    tabId,
    frameId,
    resource: frameResource(frameId),
    time: now,
  };
}
