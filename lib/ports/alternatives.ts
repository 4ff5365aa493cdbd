/**
 * Safe ports to move a server to. A port is safe when no engine blocks it, it is unprivileged, it is below
 * every OS's range of ephemeral ports (IANA's dynamic range from 49152, Linux's from 32768: ranges.ts), it is
 * no known clash, no common service or dev-server default, and not in a blocked port's service family. Pure
 * and deterministic.
 */
import { enginesBlocking } from './blocked.ts';
import { CLASHES, DEV_DEFAULTS, inFamily, SERVICE_PORTS } from './conventions.ts';
import { FIRST_LINUX_EPHEMERAL, FIRST_REGISTERED } from './ranges.ts';

/** Suggestions stay below every OS's ephemeral ports: Linux's start lowest. */
const SAFE_END = FIRST_LINUX_EPHEMERAL;

/**
 * Why a port is suggested, each true of that port alone (two ports cannot both be "the nearest"): the first
 * and second safe ports after the base, the next round hundred and thousand, ports just below it, the +8000
 * twin of a privileged port.
 */
export type AlternativeReason =
  'preferred' | 'next' | 'near' | 'round-hundred' | 'round-thousand' | 'below' | 'unprivileged-twin';

export interface Alternative {
  port: number;
  reason: AlternativeReason;
  /** The port the reason speaks of: the +8000 base for a privileged port (22 -> 8022), the port itself otherwise. */
  base: number;
}

export interface AlternativeOptions {
  /** How many to return (default 4). */
  count?: number;
  /** The user's preferred ports: they lead, when safe. */
  preferred?: readonly number[];
  /** Ports known to be taken (for example found in use by a probe). */
  avoid?: readonly number[];
}

/** Twin offset for privileged ports: 22 -> 8022, 25 -> 8025, the usual unprivileged spelling. */
const TWIN_OFFSET = 8000;

export function isSafePort(port: number): boolean {
  return (
    Number.isInteger(port) &&
    port >= FIRST_REGISTERED &&
    port < SAFE_END &&
    enginesBlocking(port).length === 0 &&
    !(port in CLASHES) &&
    !(port in DEV_DEFAULTS) &&
    !(port in SERVICE_PORTS) &&
    !inFamily(port)
  );
}

export function suggestAlternatives(port: number, options: AlternativeOptions = {}): Alternative[] {
  const count = options.count ?? 4;
  const avoid = new Set([port, ...(options.avoid ?? [])]);
  const chosen: Alternative[] = [];
  const start = port < FIRST_REGISTERED ? port + TWIN_OFFSET : port;
  const take = (candidate: number, reason: AlternativeReason): boolean => {
    if (chosen.length >= count || avoid.has(candidate) || !isSafePort(candidate)) return false;
    if (chosen.some((alternative) => alternative.port === candidate)) return false;
    chosen.push({ port: candidate, reason, base: reason === 'unprivileged-twin' ? port : start });
    return true;
  };

  for (const preferred of options.preferred ?? []) take(preferred, 'preferred');
  if (start !== port) take(start, 'unprivileged-twin');

  // The two nearest safe ports above, then the next round hundred and thousand: easy to remember.
  const near: AlternativeReason[] = ['next', 'near'];
  for (let candidate = start + 1; candidate < SAFE_END; candidate++) {
    const reason = near[0];
    if (!reason) break;
    if (take(candidate, reason)) near.shift();
  }
  for (const [step, reason] of [
    [100, 'round-hundred'],
    [1000, 'round-thousand'],
  ] as const) {
    for (let candidate = (Math.floor(start / step) + 1) * step; candidate < SAFE_END; candidate += step) {
      if (take(candidate, reason)) break;
    }
  }
  // Ports near the top of the registered range have few neighbours above: look below too.
  for (let candidate = start - 1; candidate >= FIRST_REGISTERED && chosen.length < count; candidate--) {
    take(candidate, 'below');
  }
  return chosen;
}
