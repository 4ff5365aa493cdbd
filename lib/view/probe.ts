/**
 * Asks a local host whether anything answers on a few ports, from the explanation page while it is open.
 * An answer of any kind means "in use"; a quick network error means nothing answered over HTTP; no answer
 * within the timeout is "unknown". Bounded: at most MAX_PROBES ports, a few at a time.
 */

import { isLoopbackHost } from '../core/local-host.ts';

export type PortState = 'in-use' | 'free' | 'unknown';

/** When the explanation page may probe a host: by itself, on a click, or never. */
export type ProbeMode = 'auto' | 'on-click' | 'never';

/**
 * Any web page can send a tab to a failing address, so probes go out by themselves only to this machine.
 * A LAN or user-listed host may be someone else's (a router, a cloud metadata address): only on a click.
 * A host that is not local is never probed.
 */
export function probeMode(host: string, local: boolean): ProbeMode {
  if (!local) return 'never';
  return isLoopbackHost(host) ? 'auto' : 'on-click';
}

/**
 * 'manual' keeps a probe on the probed host, but the Fetch standard refuses a no-cors request whose redirect
 * mode is not "follow": 'manual' works only where the manifest grants host access (localhost, 127.0.0.1,
 * [::1]), and fails at once elsewhere, which read as "nothing answers". So a probe the user asked for with a
 * click follows redirects; an automatic one never does.
 */
export function probeRedirect(mode: ProbeMode): RequestRedirect {
  return mode === 'on-click' ? 'follow' : 'manual';
}

export const MAX_PROBES = 24;
const TIMEOUT_MS = 1500;
const PARALLEL = 4;

type Fetch = (url: string, init: RequestInit) => Promise<unknown>;

export async function probePort(
  fetcher: Fetch,
  origin: string,
  signal?: AbortSignal,
  redirect: RequestRedirect = 'manual',
): Promise<PortState> {
  const timeout = AbortSignal.timeout(TIMEOUT_MS);
  const both = signal ? AbortSignal.any([signal, timeout]) : timeout;
  try {
    await fetcher(`${origin}/`, {
      mode: 'no-cors',
      cache: 'no-store',
      credentials: 'omit',
      redirect,
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
  redirect: RequestRedirect = 'manual',
): Promise<void> {
  const queue = ports.slice(0, MAX_PROBES);
  const worker = async (): Promise<void> => {
    for (let port = queue.shift(); port !== undefined && !signal?.aborted; port = queue.shift()) {
      const state = await probePort(fetcher, `http://${host}:${port}`, signal, redirect);
      if (!signal?.aborted) report(port, state);
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
}
