/**
 * Asks a local host whether anything answers on a few ports, from the explanation page while it is open.
 * An answer of any kind means "in use"; a quick network error means nothing answered over HTTP; no answer
 * within the timeout is "unknown". Bounded: at most MAX_PROBES ports, a few at a time.
 */

export type PortState = 'in-use' | 'free' | 'unknown';

export const MAX_PROBES = 24;
const TIMEOUT_MS = 1500;
const PARALLEL = 4;

type Fetch = (url: string, init: RequestInit) => Promise<unknown>;

export async function probePort(fetcher: Fetch, origin: string, signal?: AbortSignal): Promise<PortState> {
  const timeout = AbortSignal.timeout(TIMEOUT_MS);
  const both = signal ? AbortSignal.any([signal, timeout]) : timeout;
  try {
    await fetcher(`${origin}/`, {
      mode: 'no-cors',
      cache: 'no-store',
      credentials: 'omit',
      redirect: 'manual',
      signal: both,
    });
    return 'in-use';
  } catch {
    return timeout.aborted ? 'unknown' : 'free';
  }
}

/** Probes `ports` on `host` (as written in a URL) with http://; calls `report` as each answer arrives. */
export async function probePorts(
  fetcher: Fetch,
  host: string,
  ports: readonly number[],
  report: (port: number, state: PortState) => void,
  signal?: AbortSignal,
): Promise<void> {
  const queue = ports.slice(0, MAX_PROBES);
  const worker = async (): Promise<void> => {
    for (let port = queue.shift(); port !== undefined && !signal?.aborted; port = queue.shift()) {
      const state = await probePort(fetcher, `http://${host}:${port}`, signal);
      if (!signal?.aborted) report(port, state);
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
}
