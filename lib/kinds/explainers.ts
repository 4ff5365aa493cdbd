/**
 * Each kind's explanation, loaded only where it is shown: the explanation page loads the one kind it explains
 * (a small chunk each), the background none. A kind without one fails the type check.
 */
import type { KindId } from './ids.ts';
import type { KindExplainer } from './types.ts';

type Load = () => Promise<KindExplainer>;

export const EXPLAINERS: Record<KindId, Load> = {
  'blocked-port': () => import('./blocked-port/explain.ts').then((module) => module.explain),
  airplay: () => import('./airplay/explain.ts').then((module) => module.explain),
  'host-guard': () => import('./host-guard/explain.ts').then((module) => module.explain),
  'lna-denied': () => import('./lna-denied/explain.ts').then((module) => module.explain),
  'zero-host': () => import('./zero-host/explain.ts').then((module) => module.explain),
  'not-http': () => import('./not-http/explain.ts').then((module) => module.explain),
  'forced-https': () => import('./forced-https/explain.ts').then((module) => module.explain),
  'tls-to-http': () => import('./tls-to-http/explain.ts').then((module) => module.explain),
  'http-to-tls': () => import('./http-to-tls/explain.ts').then((module) => module.explain),
  'connection-reset': () => import('./connection-reset/explain.ts').then((module) => module.explain),
  'connection-refused': () => import('./connection-refused/explain.ts').then((module) => module.explain),
  'loopback-mismatch': () => import('./loopback-mismatch/explain.ts').then((module) => module.explain),
};

const loaded = new Map<KindId, KindExplainer>();

/** The explainer if it has been loaded already (so a repaint needs no wait), else undefined. */
export function loadedExplainer(id: KindId): KindExplainer | undefined {
  return loaded.get(id);
}

export async function loadExplainer(id: KindId): Promise<KindExplainer> {
  const explainer = loaded.get(id) ?? (await EXPLAINERS[id]());
  loaded.set(id, explainer);
  return explainer;
}
