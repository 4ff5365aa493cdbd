import type { PortState } from '../view/probe.ts';

/**
 * The suggestion to recommend first (issue #17: never a port where a server already answers while a free one is
 * listed). While the probes run, the first not found taken, so the choice does not jump as answers arrive out
 * of order; once they are done, the first found free, else the first not found taken, else the first. Pure.
 */
export function recommendedPort(
  ports: readonly number[],
  states: Readonly<Record<number, PortState>>,
  done: boolean,
): number | undefined {
  const notTaken = ports.find((port) => states[port] !== 'in-use');
  if (!done) return notTaken ?? ports[0];
  return ports.find((port) => states[port] === 'free') ?? notTaken ?? ports[0];
}
