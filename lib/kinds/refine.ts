/**
 * Runs the probes of the kinds that refine a diagnosis (lib/kinds/types.ts, `refines`): from the explanation
 * page only, to the failed port on the hosts each kind's explainer names (at most MAX_REFINE_PROBES), each
 * bounded in time by lib/view/probe.ts. The first host that answers names the kind.
 */
import type { PortState } from '../view/probe.ts';
import { loadExplainer } from './explainers.ts';
import { refinersOf, type KindId } from './registry.ts';

export const MAX_REFINE_PROBES = 4;

export interface Refined {
  kind: KindId;
  answeredBy: string;
}

type Probe = (origin: string) => Promise<PortState>;

export async function refine(
  kind: KindId,
  urlText: string,
  port: number,
  probe: Probe,
): Promise<Refined | null> {
  const url = new URL(urlText);
  const refiners = await Promise.all(
    refinersOf(kind).map(async (refiner) => ({ id: refiner.id, explainer: await loadExplainer(refiner.id) })),
  );
  const asks = refiners
    .flatMap(({ id, explainer }) => (explainer.probeHosts?.(url) ?? []).map((host) => ({ kind: id, host })))
    .slice(0, MAX_REFINE_PROBES);
  for (const ask of asks) {
    if ((await probe(`${url.protocol}//${ask.host}:${port}`)) === 'in-use')
      return { kind: ask.kind, answeredBy: ask.host };
  }
  return null;
}
