/**
 * The ids of the registered kinds, alone: what stored data is checked against (history, tab state) without
 * loading any kind's code (the options page shows the history's size and nothing of the kinds). Same order as
 * KINDS in registry.ts; test/unit/kinds.meta.test.ts checks the two.
 */
export const KIND_IDS = [
  'blocked-port',
  'lna-denied',
  'airplay',
  'host-guard',
  'zero-host',
  'not-http',
  'forced-https',
  'tls-to-http',
  'http-to-tls',
  'connection-reset',
  'connection-refused',
  'loopback-mismatch',
] as const;

export type KindId = (typeof KIND_IDS)[number];

export function isKindId(value: unknown): value is KindId {
  return typeof value === 'string' && (KIND_IDS as readonly string[]).includes(value);
}
