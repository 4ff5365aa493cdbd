/**
 * The one place that decides what Port Doctor says about a failure. Every view (explanation page, popup,
 * badge, overlay) renders the Diagnosis it returns.
 */
import { blockedEntry, ENGINES, enginesBlocking, type Engine } from './ports/blocked.ts';
import { effectivePort, safeUrl } from './url.ts';

export type BrowserEngine = Extract<Engine, 'chromium' | 'firefox'>;

export interface Diagnosis {
  kind: 'blocked-port';
  /** The failed URL, to be shown as text only. */
  url: string;
  host: string;
  port: number;
  /** The browser's error string. */
  code: string;
  /** Short service name from the blocked lists. */
  service: string;
  /** The engine that refused it. */
  engine: BrowserEngine;
  /** Every engine that refuses this port, this browser first. */
  blockedBy: Engine[];
}

/** A Diagnosis for a URL the given browser refused, or null when the URL says nothing we can explain. */
export function diagnoseBlockedUrl(urlText: string, code: string, engine: BrowserEngine): Diagnosis | null {
  const url = safeUrl(urlText);
  if (!url) return null;
  const port = effectivePort(url);
  if (port === null) return null;
  const entry = blockedEntry(port);
  if (!entry) return null;
  const blockedBy = enginesBlocking(port).sort((a, b) => rank(a, engine) - rank(b, engine));
  return {
    kind: 'blocked-port',
    url: urlText,
    host: url.hostname,
    port,
    code,
    service: entry.service,
    engine,
    blockedBy,
  };
}

function rank(candidate: Engine, current: BrowserEngine): number {
  return candidate === current ? -1 : ENGINES.indexOf(candidate);
}
