/**
 * Each kind's explanation, loaded only where it is shown: the explanation page loads the one kind it explains
 * (a small chunk each), the background none. The build finds them (scripts/gen-kinds.ts).
 */
import { FOUND_EXPLAINERS } from './generated/explainers.ts';
import type { KindId } from './ids.ts';
import type { KindExplainer } from './types.ts';

type Load = () => Promise<KindExplainer>;

export const EXPLAINERS: Record<KindId, Load> = FOUND_EXPLAINERS;

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
