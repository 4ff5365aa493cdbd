/**
 * Asks a real browser, for every port 0..65535, whether it will connect there, and reads the answer from the
 * browser's own signal. No real service is touched:
 *
 * - Chromium: a page fetch()es http://sweep.test:P/ with sweep.test mapped to "not found"; CDP reports each
 *   failure's net error: net::ERR_UNSAFE_PORT for a blocked port, ERR_NAME_NOT_RESOLVED for the others.
 * - Firefox: the same fetches go to an HTTP proxy port where nothing listens. A port Firefox allows becomes a
 *   request (it fails at the proxy and leaves a resource-timing entry); a blocked port is refused before any
 *   request exists, so it leaves none. Each port without a request is then navigated to, and must fail with
 *   Firefox's own deniedPortAccess.
 */
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { chromiumPath, firefoxPath } from './browsers.ts';
import { closedPort } from './ports.ts';
import { startServer } from './server.ts';

const HOST = 'sweep.test';
const LAST_PORT = Number(process.env.SWEEP_LAST ?? 65535);
// Chromium runs out of sockets (ERR_INSUFFICIENT_RESOURCES) with many more requests in flight.
const BATCH = Number(process.env.SWEEP_BATCH ?? 1024);

export interface SweepResult {
  engine: 'chromium' | 'firefox';
  version: string;
  blocked: number[];
  /** Ports the browser answered for with something unexpected (should stay empty). */
  unexplained: { port: number; error: string }[];
  seconds: number;
}

type Sweeper = (page: Page) => Promise<Pick<SweepResult, 'blocked' | 'unexplained'>>;

/** Fetches every port in batches from inside the page; returns the ports that became requests (resource timing). */
async function fetchAll(page: Page, collectRequests: boolean): Promise<Set<number>> {
  const requested = new Set<number>();
  for (let from = 0; from <= LAST_PORT; from += BATCH) {
    const to = Math.min(from + BATCH - 1, LAST_PORT);
    const ports = await page.evaluate(
      async (host: string, first: number, last: number, collect: boolean) => {
        performance.setResourceTimingBufferSize(4 * (last - first + 1));
        performance.clearResourceTimings();
        const all: Promise<unknown>[] = [];
        for (let port = first; port <= last; port++) {
          all.push(
            fetch(`http://${host}:${port}/`, { mode: 'no-cors', cache: 'no-store' }).catch(() => undefined),
          );
        }
        await Promise.all(all);
        if (!collect) return [];
        // Entries are queued after each fetch settles. A marker fetched from this page's own server after all
        // of them settled is queued last: once its entry is there, so are theirs.
        const marker = `${location.origin}/?marker=${first}`;
        await fetch(marker, { cache: 'no-store' });
        await new Promise<void>((queued) => {
          if (performance.getEntriesByName(marker).length > 0) return queued();
          new PerformanceObserver((list, observer) => {
            if (list.getEntriesByName(marker).length === 0) return;
            observer.disconnect();
            queued();
          }).observe({ type: 'resource' });
        });
        return performance
          .getEntriesByType('resource')
          .map((entry) => new URL(entry.name))
          .filter((url) => url.hostname === host)
          .map((url) => (url.port === '' ? 80 : Number(url.port)));
      },
      HOST,
      from,
      to,
      collectRequests,
    );
    for (const port of ports) requested.add(port);
  }
  return requested;
}

const sweepChromium: Sweeper = async (page) => {
  const errors = new Map<string, string>();
  const urls = new Map<string, string>();
  const cdp = await page.createCDPSession();
  // Every port becomes a request and each request ends: the sentinel that the last events arrived.
  let ended = 0;
  let allEnded = () => {};
  const lastEnded = new Promise<void>((done) => (allEnded = done));
  const end = () => {
    if (++ended === LAST_PORT + 1) allEnded();
  };
  cdp.on('Network.requestWillBeSent', (event) => {
    if (new URL(event.request.url).hostname === HOST) urls.set(event.requestId, event.request.url);
  });
  cdp.on('Network.loadingFailed', (event) => {
    errors.set(event.requestId, event.errorText);
    if (urls.has(event.requestId)) end();
  });
  cdp.on('Network.loadingFinished', (event) => {
    if (urls.has(event.requestId)) end();
  });
  await cdp.send('Network.enable');
  await fetchAll(page, false);
  let timer: ReturnType<typeof setTimeout> | undefined;
  // A port with no request, or a request that never ends, is reported below as unexplained.
  const missing = new Promise<void>((done) => (timer = setTimeout(done, 30_000)));
  await Promise.race([lastEnded, missing]).finally(() => clearTimeout(timer));
  const verdict = new Map<number, string>();
  for (const [id, url] of urls) {
    const parsed = new URL(url);
    if (parsed.hostname !== HOST) continue;
    verdict.set(parsed.port === '' ? 80 : Number(parsed.port), errors.get(id) ?? 'no error');
  }
  const blocked: number[] = [];
  const unexplained: SweepResult['unexplained'] = [];
  for (let port = 0; port <= LAST_PORT; port++) {
    const error = verdict.get(port) ?? 'no request';
    if (error === 'net::ERR_UNSAFE_PORT') blocked.push(port);
    else if (error !== 'net::ERR_NAME_NOT_RESOLVED') unexplained.push({ port, error });
  }
  return { blocked, unexplained };
};

const sweepFirefox: Sweeper = async (page) => {
  // The cost is in Firefox's parent process (about 4 ms a request): a second page sweeping in parallel
  // was measured no faster.
  const requested = await fetchAll(page, true);
  const blocked: number[] = [];
  const unexplained: SweepResult['unexplained'] = [];
  for (let port = 0; port <= LAST_PORT; port++) {
    if (requested.has(port)) continue;
    const error = await page.goto(`http://${HOST}:${port}/`, { timeout: 5000 }).then(
      () => 'loaded',
      (failure: unknown) => String(failure instanceof Error ? failure.message : failure),
    );
    if (error.includes('deniedPortAccess')) blocked.push(port);
    else unexplained.push({ port, error });
  }
  return { blocked, unexplained };
};

async function launch(engine: 'chromium' | 'firefox'): Promise<Browser> {
  if (engine === 'chromium') {
    return puppeteer.launch({
      executablePath: chromiumPath(),
      headless: true,
      pipe: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        `--host-resolver-rules=MAP ${HOST} ~NOTFOUND`,
      ],
    });
  }
  return puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath: firefoxPath(),
    headless: true,
    extraPrefsFirefox: {
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': await closedPort(),
      // The page itself comes from 127.0.0.1, not through the proxy.
      'network.proxy.no_proxies_on': '127.0.0.1',
      'network.proxy.allow_hijacking_localhost': false,
      // Every refused proxy connection is a socket: let many be in flight at once.
      'network.http.max-persistent-connections-per-proxy': 256,
      'network.http.max-connections': 1024,
    },
  });
}

export async function sweepPorts(engine: 'chromium' | 'firefox'): Promise<SweepResult> {
  const started = Date.now();
  const server = await startServer({ '/': '<!doctype html><title>sweep</title>' });
  const browser = await launch(engine);
  try {
    const page = await browser.newPage();
    await page.goto(server.origin);
    const result = await (engine === 'chromium' ? sweepChromium : sweepFirefox)(page);
    return { engine, version: await browser.version(), ...result, seconds: (Date.now() - started) / 1000 };
  } finally {
    await browser.close();
    await server.close();
  }
}
