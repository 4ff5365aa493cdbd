/**
 * The one place that decides what Port Doctor says about a failure. Every view (explanation page, popup,
 * badge, overlay) renders the Diagnosis it returns.
 */
import { kindOf } from '../kinds/detect.ts';
import type { FailureKind } from '../kinds/failure.ts';
import { isLocalHost } from '../core/local-host.ts';
import type { BrowserEngine } from '../core/engine.ts';
import { ENGINES, type Engine } from '../ports/blocked.ts';
import { portFacts, type PortFacts } from '../ports/facts.ts';
import type { AlternativeOptions } from '../ports/alternatives.ts';
import { effectivePort, rewriteWebUrl, safeUrl } from '../core/url.ts';

export type { BrowserEngine };

export interface Diagnosis {
  kind: FailureKind;
  /** The failed URL, to be shown as text only. */
  url: string;
  /** Host as it appears in a URL (IPv6 in brackets). */
  host: string;
  port: number;
  /** 'http:', 'https:', 'ws:' or 'wss:'. */
  scheme: string;
  /** The browser's error string. */
  code: string;
  /** The browser that failed. */
  engine: BrowserEngine;
  /** The developer's own machine or LAN: its ports can be probed and its servers moved. */
  local: boolean;
  facts: PortFacts;
  /** Every engine that refuses this port, this browser first. */
  blockedBy: Engine[];
  /** Set when a probe from the explanation page refined the kind: the host that answered ("[::1]"). */
  answeredBy?: string;
}

/** A Diagnosis for a failed URL, or null when the URL and error say nothing we can explain. */
export function diagnose(
  urlText: string,
  code: string,
  engine: BrowserEngine,
  options: AlternativeOptions & { localHosts?: readonly string[] } = {},
): Diagnosis | null {
  const { localHosts = [], ...alternatives } = options;
  const url = safeUrl(urlText);
  if (!url) return null;
  const kind = kindOf(url, code, localHosts);
  const port = effectivePort(url);
  if (!kind || port === null) return null;
  const facts = portFacts(port, undefined, alternatives);
  const blockedBy = [...facts.blockedBy].sort((a, b) => rank(a, engine) - rank(b, engine));
  return {
    kind,
    url: urlText,
    host: url.hostname,
    port,
    scheme: url.protocol,
    code,
    engine,
    local: isLocalHost(url.hostname, localHosts),
    facts,
    blockedBy,
  };
}

function rank(candidate: Engine, current: BrowserEngine): number {
  return candidate === current ? -1 : ENGINES.indexOf(candidate);
}

/** The same URL on another port (for "open on port N"), keeping scheme, path and query. */
export function withPort(urlText: string, port: number): string | null {
  return rewriteWebUrl(urlText, (url) => (url.port = String(port)));
}
