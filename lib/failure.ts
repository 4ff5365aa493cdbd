import type { Engine } from './ports/blocked.ts';

/**
 * What went wrong, as far as Port Doctor explains it:
 * - blocked-port: the browser refused the port itself (Chrome ERR_UNSAFE_PORT; Firefox reports nothing).
 * - connection-refused: nothing listens there (local hosts only).
 * - tls-to-http: https:// to a server that speaks plain HTTP (local hosts only).
 * - not-http: an empty or invalid answer from a port that belongs to a non-HTTP service, such as a database.
 */
export type FailureKind = 'blocked-port' | 'connection-refused' | 'tls-to-http' | 'not-http';

/** What the browser told us went wrong, reduced to plain data. */
export interface Failure {
  kind: FailureKind;
  /** The URL that failed, exactly as the browser reported it. */
  url: string;
  port: number;
  /** The browser's own error string, or a synthetic one where the browser reports none (Firefox). */
  code: string;
  engine: Extract<Engine, 'chromium' | 'firefox'>;
  tabId: number;
  frameId: number;
  /** What was being loaded: 'main_frame', 'sub_frame', or a webRequest resource type such as 'xmlhttprequest'. */
  resource: string;
  /** Milliseconds since the epoch. */
  time: number;
  /**
   * Chrome's webRequest: the origin of the document that made the request. The in-page card shows a URL only
   * to the page that asked for it (lib/card.ts).
   */
  initiator?: string;
}

/** Firefox reports nothing for a blocked port; this names what it would have said (NS_ERROR_PORT_ACCESS_NOT_ALLOWED). */
export const FIREFOX_BLOCKED_CODE = 'NS_ERROR_PORT_ACCESS_NOT_ALLOWED';
export const CHROME_BLOCKED_CODE = 'net::ERR_UNSAFE_PORT';
