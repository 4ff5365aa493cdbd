/**
 * Every failure kind Port Doctor explains, in precedence order (each kind declares its own, lib/kinds/<id>/kind.ts):
 * for an error string that several kinds listen to, the first whose detect() says yes wins. The build finds them,
 * one folder each (scripts/gen-kinds.ts); test/unit/kinds.meta.test.ts checks each against its messages, its
 * tests and the README.
 */
import { FOUND_KINDS } from './generated/kinds.ts';
import type { KindId } from './ids.ts';
import type { DetectInput, FailureKind } from './types.ts';

export type { KindId } from './ids.ts';
export const KINDS: readonly FailureKind<KindId>[] = FOUND_KINDS;

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
 * A kind's page signal as plain data: the page read (lib/signals/page-check.ts) passes these into the page, where a
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
