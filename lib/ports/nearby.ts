import { enginesBlocking } from './blocked.ts';
import { DEV_DEFAULTS } from './conventions.ts';
import { MAX_PROBES } from '../view/probe.ts';

/**
 * Where a server that refused on `port` may really be: its neighbours first (the server moved on because
 * the port was taken), then the usual dev-server ports. Only ports a browser can open; at most MAX_PROBES.
 */
export function nearbyCandidates(port: number): number[] {
  const neighbours = [1, -1, 2, -2, 3, -3].map((offset) => port + offset);
  const defaults = Object.keys(DEV_DEFAULTS).map(Number);
  const unique = [...new Set([...neighbours, ...defaults])];
  return unique
    .filter(
      (candidate) =>
        candidate !== port && candidate > 0 && candidate <= 65535 && enginesBlocking(candidate).length === 0,
    )
    .slice(0, MAX_PROBES);
}
