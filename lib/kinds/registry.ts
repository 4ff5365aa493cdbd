/**
 * Every failure kind Port Doctor explains, in precedence order: for an error string that several kinds listen to,
 * the first whose detect() says yes wins. Explicit on purpose (not a glob): test/unit/kinds.meta.test.ts checks it
 * against the folders, the locales, the unit tests, the e2e tests and the README.
 */
import { airplay } from './airplay/kind.ts';
import { blockedPort } from './blocked-port/kind.ts';
import { connectionRefused } from './connection-refused/kind.ts';
import { connectionReset } from './connection-reset/kind.ts';
import { forcedHttps } from './forced-https/kind.ts';
import { hostGuard } from './host-guard/kind.ts';
import { httpToTls } from './http-to-tls/kind.ts';
import { lnaDenied } from './lna-denied/kind.ts';
import { loopbackMismatch } from './loopback-mismatch/kind.ts';
import { notHttp } from './not-http/kind.ts';
import { tlsToHttp } from './tls-to-http/kind.ts';
import { zeroHost } from './zero-host/kind.ts';
import type { KindId } from './ids.ts';
import type { DetectInput, FailureKind } from './types.ts';

export type { KindId } from './ids.ts';
export const KINDS: readonly FailureKind<KindId>[] = [
  blockedPort,
  lnaDenied,
  airplay,
  hostGuard,
  // Before connection-refused: Firefox refuses 0.0.0.0 with the same error.
  zeroHost,
  // Before http-to-tls and connection-reset: on a port a non-HTTP service owns, that service is the answer.
  notHttp,
  // Before tls-to-http: the same error, on a name the browser opens only with https://.
  forcedHttps,
  tlsToHttp,
  httpToTls,
  connectionReset,
  connectionRefused,
  // Found only by a probe after connection-refused.
  loopbackMismatch,
];

const BY_ID = new Map<string, FailureKind<KindId>>(KINDS.map((kind) => [kind.id, kind]));
/** Kinds by error string, each list in precedence order: one Map lookup per error event. */
const BY_CODE = new Map<string, FailureKind<KindId>[]>();
for (const kind of KINDS)
  for (const code of kind.codes) BY_CODE.set(code, [...(BY_CODE.get(code) ?? []), kind]);

export function kindById(id: KindId): FailureKind<KindId> {
  const kind = BY_ID.get(id);
  // Cannot happen for a KindId; stored data is checked with isKindId before it gets here.
  if (!kind) throw new Error(`Unknown failure kind: ${id}`);
  return kind;
}

/** The kind an error on a URL is, or null when Port Doctor has nothing to say about it. */
export function classify(input: DetectInput): KindId | null {
  for (const kind of BY_CODE.get(input.code) ?? []) if (kind.detect(input)) return kind.id;
  return null;
}

/** The kinds a probe may find after `id` (loopback-mismatch after connection-refused). */
export function refinersOf(id: KindId): FailureKind<KindId>[] {
  return KINDS.filter((kind) => kind.refines === id);
}

/**
 * A kind's page signal as plain data: the page read (lib/page-check.ts) passes these into the page, where a
 * RegExp object cannot go (executeScript's args must be JSON-serialisable), and rebuilds them there.
 */
export interface PageRule {
  source: string;
  flags: string;
  code: string;
}

/** Every page signal, in precedence order: the first that matches is the verdict. */
export const PAGE_RULES: readonly PageRule[] = KINDS.flatMap((kind) =>
  (kind.page ?? []).map((signal) => ({
    source: signal.text.source,
    flags: signal.text.flags,
    code: signal.code,
  })),
);

/** The kinds that read responses (Chrome's deeper checks), and the URLs their listener is limited to. */
export const RESPONSE_KINDS = KINDS.filter((kind) => kind.response !== undefined);
export const RESPONSE_URLS: string[] = RESPONSE_KINDS.flatMap((kind) =>
  (kind.response?.ports ?? []).flatMap((port) =>
    ['localhost', '127.0.0.1', '[::1]'].map((host) => `http://${host}:${port}/*`),
  ),
);
