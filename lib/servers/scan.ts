/**
 * Asks this machine's loopback addresses who answers on the planned ports (dev-ports.ts), and names each answer
 * by evidence (fingerprints.ts). Run only by an open Port Doctor page, with that page's fetch: loopback only, no
 * credentials, no redirect followed, at most the first BODY_BYTES of a body read, a few requests at a time, each
 * cut off after TIMEOUT_MS. Nothing here touches storage or a browser API: the caller passes `fetch`.
 */
import { candidates, confirmed, titleOf, type Observed, type ToolId } from './fingerprints.ts';

export const LOOPBACK = ['127.0.0.1', '[::1]'] as const;
export type Loopback = (typeof LOOPBACK)[number];

/** What one address answered on one port. */
export interface Answer {
  port: number;
  address: Loopback;
  /** The tool its answer names, or null: "a web server". */
  tool: ToolId | null;
  title: string | null;
  status: number;
  redirected: boolean;
}

export const BODY_BYTES = 16 * 1024;
export const TIMEOUT_MS = 1500;
/**
 * Requests in flight at once. A refused connection takes Chromium about 50 ms from an extension page (measured on
 * 184 closed ports: 12 at once 858 ms, 24 at once 440 ms, 48 at once 357 ms, with the cost of each rising).
 */
export const PARALLEL = 24;

type Fetch = (url: string, init: RequestInit) => Promise<Response>;

const INIT: RequestInit = {
  credentials: 'omit',
  redirect: 'manual',
  cache: 'no-store',
  referrerPolicy: 'no-referrer',
};

/** The first `limit` bytes of a body, decoded as UTF-8; the rest is never read. */
export async function readStart(response: Response, limit = BODY_BYTES): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < limit) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value.subarray(0, limit - size));
      size += Math.min(value.byteLength, limit - size);
    }
  } finally {
    void reader.cancel().catch(() => undefined);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return new TextDecoder('utf-8').decode(bytes);
}

async function observe(fetcher: Fetch, url: string, signal: AbortSignal): Promise<Observed | null> {
  try {
    const response = await fetcher(url, { ...INIT, signal });
    const redirected = response.type === 'opaqueredirect';
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => (headers[name.toLowerCase()] = value));
    return {
      status: response.status,
      redirected,
      headers,
      body: redirected ? '' : await readStart(response),
    };
  } catch {
    // Refused, reset, not HTTP, or too slow: nothing answers here as a web server.
    return null;
  }
}

/** Names one answer, asking the confirming request of a tool whose marker only suggests it. */
async function identify(
  fetcher: Fetch,
  origin: string,
  seen: Observed,
  signal: AbortSignal,
): Promise<ToolId | null> {
  for (const tool of candidates(seen)) {
    if (!tool.confirm) return tool.id;
    const answer = await observe(fetcher, `${origin}${tool.confirm.path}`, signal);
    if (answer && confirmed(tool, answer.body)) return tool.id;
  }
  return null;
}

/**
 * Asks every planned port on both loopback addresses, and the ports `more` names for a port that answered (a
 * tool's next ports: dev-ports.ts nextPorts), each once; `report` gets each answer as it comes. Resolves when all
 * are asked, or when `signal` aborts (the page closed).
 */
export async function scanLoopback(
  fetcher: Fetch,
  ports: readonly number[],
  report: (answer: Answer) => void,
  signal: AbortSignal,
  more: (port: number) => readonly number[] = () => [],
): Promise<void> {
  const asked = new Set(ports);
  const queue = ports.flatMap((port) => LOOPBACK.map((address) => ({ port, address })));
  const ask = async (next: { port: number; address: Loopback }): Promise<void> => {
    const origin = `http://${next.address}:${next.port}`;
    const seen = await observe(
      fetcher,
      `${origin}/`,
      AbortSignal.any([signal, AbortSignal.timeout(TIMEOUT_MS)]),
    );
    if (!seen || signal.aborted) return;
    const tool = await identify(
      fetcher,
      origin,
      seen,
      AbortSignal.any([signal, AbortSignal.timeout(TIMEOUT_MS)]),
    );
    if (signal.aborted) return;
    report({ ...next, tool, title: titleOf(seen.body), status: seen.status, redirected: seen.redirected });
    for (const port of more(next.port))
      if (!asked.has(port)) {
        asked.add(port);
        queue.push(...LOOPBACK.map((address) => ({ port, address })));
      }
  };
  // A pool of PARALLEL requests, refilled as each ends: ports an answer adds are asked at full width too.
  let active = 0;
  await new Promise<void>((done) => {
    const pump = (): void => {
      while (active < PARALLEL && !signal.aborted) {
        const next = queue.shift();
        if (!next) break;
        active++;
        void ask(next).finally(() => {
          active--;
          pump();
        });
      }
      if (active === 0) done();
    };
    pump();
  });
}
