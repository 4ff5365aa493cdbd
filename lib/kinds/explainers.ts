/**
 * Each kind's explanation, by id: imported by the pages, never by the background (lib/kinds/types.ts,
 * KindExplainer). A kind without one fails the type check.
 */
import { explain as blockedPort } from './blocked-port/explain.ts';
import { explain as connectionRefused } from './connection-refused/explain.ts';
import { explain as notHttp } from './not-http/explain.ts';
import type { KindId } from './ids.ts';
import { explain as tlsToHttp } from './tls-to-http/explain.ts';
import type { KindExplainer } from './types.ts';

export const EXPLAINERS: Record<KindId, KindExplainer> = {
  'blocked-port': blockedPort,
  'connection-refused': connectionRefused,
  'tls-to-http': tlsToHttp,
  'not-http': notHttp,
};
