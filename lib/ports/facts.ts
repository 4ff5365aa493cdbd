/**
 * Everything Port Doctor knows about one port, as plain data for the views: who blocks it, what runs there,
 * what range it is in, and where to go instead.
 */
import { suggestAlternatives, type Alternative, type AlternativeOptions } from './alternatives.ts';
import { ENGINES, isBlocked, type Engine } from './blocked.ts';
import { blockedEntry, type BlockedPort } from './blocked-history.ts';
import { CLASHES, DEV_DEFAULTS, SERVICE_PORTS, type WarningKind } from './conventions.ts';
import type { IanaEntry, IanaTable } from './iana.ts';
import { isPrivileged, rangeClass, type RangeClass } from './ranges.ts';

export interface PortFacts {
  port: number;
  range: RangeClass;
  privileged: boolean;
  /** Engines that refuse the port, in ENGINES order. */
  blockedBy: Engine[];
  /** The blocked-list entry (service and history) when any engine refuses it. */
  blocked?: BlockedPort;
  /** Key of the curated description in the locales (svc.<key>.name/what/risk), for blocked ports. */
  serviceKey?: string;
  iana?: IanaEntry;
  devTools: readonly string[];
  service?: { name: string; kind: WarningKind };
  clash?: 'airplay';
  /** Safe ports to use instead; empty when the port is blocked nowhere. */
  alternatives: Alternative[];
}

/** The locale key for a blocked-list service name: i18n message names allow only [A-Za-z0-9_]. */
export function serviceKey(service: string): string {
  return service.replace(/[^A-Za-z0-9]/g, '_');
}

export function portFacts(port: number, iana?: IanaTable, options?: AlternativeOptions): PortFacts {
  const blocked = blockedEntry(port);
  const blockedBy = ENGINES.filter((engine) => isBlocked(port, engine));
  return {
    port,
    range: rangeClass(port),
    privileged: isPrivileged(port),
    blockedBy,
    ...(blocked && { blocked, serviceKey: serviceKey(blocked.service) }),
    ...(iana?.has(port) && { iana: iana.get(port) }),
    devTools: DEV_DEFAULTS[port] ?? [],
    ...(port in SERVICE_PORTS && { service: SERVICE_PORTS[port] }),
    ...(port in CLASHES && { clash: CLASHES[port] }),
    // A port to move to: for a blocked port, and for one something else usually takes (AirPlay on 5000/7000).
    alternatives: blockedBy.length > 0 || port in CLASHES ? suggestAlternatives(port, options) : [],
  };
}
