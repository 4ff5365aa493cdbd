import type { KindId } from './ids.ts';
import type { Engine } from '../ports/blocked.ts';

/** What went wrong: one of the kinds in lib/kinds/registry.ts (each explained in its own module). */
export type FailureKind = KindId;

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
   * to the page that asked for it (lib/view/card.ts).
   */
  initiator?: string;
}

export { CHROME_BLOCKED_CODE, FIREFOX_BLOCKED_CODE } from './blocked-port/kind.ts';
