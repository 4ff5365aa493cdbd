import type { Engine } from './ports/blocked.ts';

/** What the browser told us went wrong, reduced to plain data. */
export interface Failure {
  kind: 'blocked-port';
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
}

/** Firefox reports nothing for a blocked port; this names what it would have said (NS_ERROR_PORT_ACCESS_NOT_ALLOWED). */
export const FIREFOX_BLOCKED_CODE = 'NS_ERROR_PORT_ACCESS_NOT_ALLOWED';
export const CHROME_BLOCKED_CODE = 'net::ERR_UNSAFE_PORT';
