/**
 * `npm run bench:overhead`: what Port Doctor costs a healthy page in real Chromium. Three kinds of healthy
 * local page, each loaded in turn, interleaved in one run, in browsers that differ only in the extension:
 *   - none;
 *   - a reference extension with no code at all that only holds the `webRequest` permission;
 *   - Port Doctor as installed (default: no `webRequest`);
 *   - Port Doctor with every optional check on (deeper checks granted, then Chromium restarted with them).
 * The pages: tiny local pages (distinct each time), a page whose server adds 50 ms to every response (the
 * page and four subresources), and a real Vite dev server serving a 400-module app (bench/dev-server.ts).
 * Figures are medians of the page's own Navigation Timing (start to the load event, which waits for every
 * module of the dev app). While any extension holds `webRequest`, Chromium routes every page request
 * through its browser-process proxy (ChromeContentBrowserClient::WillCreateURLLoaderFactory ->
 * WebRequestAPI::MaybeProxyURLLoaderFactory, extensions/browser/api/web_request/web_request_api.cc),
 * listeners or not. It also counts the extension script executions in those pages (CDP execution contexts of
 * the extension's isolated world): it must be 0. Needs `npm run build` first. Writes
 * bench/results/overhead.json.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { chromiumPath } from '../test/e2e/support/browsers.ts';
import { builtExtension } from '../test/e2e/support/build.ts';
import {
  CHROMIUM_ARGS,
  extensionWorlds,
  launchChromium,
  turnOnDeeperChecks,
} from '../test/e2e/support/chromium.ts';
import { startServer, type Routes } from '../test/e2e/support/server.ts';
import { DEV_APP_MODULES, startDevServer } from './dev-server.ts';
import { median } from './stats.ts';

const RUNS = Number(process.env.RUNS ?? 60);
/** Loads of the 400-module page (each takes about a second). */
const DEV_RUNS = Number(process.env.DEV_RUNS ?? 25);
const SLOW_MS = 50;

const page = (index: number, extra = '') =>
  `<!doctype html><html><head><title>Page ${index}</title><style>body{font:16px sans-serif}</style></head>` +
  `<body><h1>Healthy page ${index}</h1>${'<p>Some text on a healthy local page.</p>'.repeat(20)}<img src="/pixel.svg">${extra}<script>document.body.dataset.ready = '1';</script></body></html>`;
const PIXEL = '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>';
const routes: Routes = { '/pixel.svg': PIXEL };
const slow = (body: string, type = 'text/html; charset=utf-8') => ({
  status: 200,
  body,
  headers: { 'content-type': type },
  delayMs: SLOW_MS,
});
for (const name of ['a', 'b', 'c']) routes[`/slow/${name}.css`] = slow('p{margin:0}', 'text/css');
routes['/slow/pixel.svg'] = slow(PIXEL, 'image/svg+xml');
const slowAssets = ['a', 'b', 'c'].map((name) => `<link rel="stylesheet" href="/slow/${name}.css">`).join('');
// One more page than runs: the warm-up loads its own.
for (let index = 0; index <= RUNS; index++) {
  routes[`/page/${index}`] = page(index);
  routes[`/slow/${index}`] = slow(page(index, slowAssets).replace('/pixel.svg', '/slow/pixel.svg'));
}
const server = await startServer(routes);
const devServer = await startDevServer();

const reference = mkdtempSync(join(tmpdir(), 'port-doctor-webrequest-only-'));
writeFileSync(
  join(reference, 'manifest.json'),
  JSON.stringify({ manifest_version: 3, name: 'webRequest only', version: '1', permissions: ['webRequest'] }),
);

/** A profile where Port Doctor's deeper checks were granted by their click (Chromium applies them on restart). */
async function optedInProfile(): Promise<string> {
  const profile = mkdtempSync(join(tmpdir(), 'port-doctor-opted-in-'));
  const session = await launchChromium({ userDataDir: profile });
  await turnOnDeeperChecks(session);
  await session.close();
  return profile;
}

type Variant = 'none' | 'webRequestOnly' | 'portDoctor' | 'portDoctorAllOn';
const VARIANTS: Variant[] = ['none', 'webRequestOnly', 'portDoctor', 'portDoctorAllOn'];
const extensions: Record<Variant, string | undefined> = {
  none: undefined,
  webRequestOnly: reference,
  portDoctor: builtExtension('chrome-mv3'),
  portDoctorAllOn: builtExtension('chrome-mv3'),
};
const profiles: Partial<Record<Variant, string>> = { portDoctorAllOn: await optedInProfile() };

async function launch(variant: Variant): Promise<Browser> {
  const extension = extensions[variant];
  return puppeteer.launch({
    executablePath: chromiumPath(),
    headless: true,
    pipe: true,
    ...(profiles[variant] !== undefined && { userDataDir: profiles[variant] }),
    // The same flags for all: only the loaded extension (and its granted permissions) differ.
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [
      ...CHROMIUM_ARGS,
      ...(extension ? [`--disable-extensions-except=${extension}`, `--load-extension=${extension}`] : []),
    ],
  });
}

const browsers = {} as Record<Variant, Browser>;
const tabs = {} as Record<Variant, Page>;
for (const variant of VARIANTS) {
  browsers[variant] = await launch(variant);
  tabs[variant] = await browsers[variant].newPage();
}
const worlds: string[][] = [];
for (const variant of ['portDoctor', 'portDoctorAllOn'] as const) {
  const worker = await browsers[variant].waitForTarget(
    (target) => target.type() === 'service_worker' && target.url().startsWith('chrome-extension://'),
  );
  worlds.push(await extensionWorlds(tabs[variant], new URL(worker.url()).host));
}

type Kind = 'tiny' | 'slow' | 'devServer';
const KINDS: { kind: Kind; runs: number; url: (index: number) => string }[] = [
  { kind: 'tiny', runs: RUNS, url: (index) => `${server.origin}/page/${index}` },
  { kind: 'slow', runs: RUNS, url: (index) => `${server.origin}/slow/${index}` },
  { kind: 'devServer', runs: DEV_RUNS, url: (index) => `${devServer.origin}/?load=${index}` },
];
const samples = Object.fromEntries(
  KINDS.map(({ kind }) => [kind, Object.fromEntries(VARIANTS.map((variant) => [variant, [] as number[]]))]),
) as Record<Kind, Record<Variant, number[]>>;

/** Milliseconds from navigation start to the load event (module scripts, the dev app's 400, run before it). */
async function load(variant: Variant, url: string): Promise<number> {
  const tab = tabs[variant];
  await tab.goto(url, { waitUntil: 'load' });
  await tab.waitForFunction(() => document.body.dataset.ready === '1', { polling: 5 });
  return tab.evaluate(
    () => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventStart,
  );
}

for (const { kind, runs, url } of KINDS) {
  // Warm up each (the dev server compiles on first request), then interleave, alternating the order so that
  // drift hits all alike.
  for (const variant of VARIANTS) await load(variant, url(runs));
  for (let index = 0; index < runs; index++)
    for (const variant of index % 2 === 0 ? VARIANTS : [...VARIANTS].reverse())
      samples[kind][variant].push(await load(variant, url(index)));
}
for (const variant of VARIANTS) await browsers[variant].close();
await server.close();
await devServer.close();

const figure = (kind: Kind, variant: Variant) => median(samples[kind][variant]);
const ratio = (kind: Kind, variant: Variant) => figure(kind, variant) / figure(kind, 'none');
const result = {
  browser: 'chromium',
  runs: { tiny: RUNS, slow: RUNS, devServer: DEV_RUNS },
  devServerModules: DEV_APP_MODULES,
  medianMs: Object.fromEntries(
    KINDS.map(({ kind }) => [kind, Object.fromEntries(VARIANTS.map((v) => [v, figure(kind, v)]))]),
  ),
  ratios: Object.fromEntries(
    KINDS.map(({ kind }) => [kind, Object.fromEntries(VARIANTS.map((v) => [v, ratio(kind, v)]))]),
  ) as Record<Kind, Record<Variant, number>>,
  extensionScriptExecutions: worlds.flat().length,
};
console.log(
  'Chromium, healthy local pages, interleaved; median ms to the page ready (ratio to no extension):',
);
console.log(`  ${'page'.padEnd(34)}${VARIANTS.map((v) => v.padStart(18)).join('')}`);
const LABELS: Record<Kind, string> = {
  tiny: `tiny pages (${RUNS})`,
  slow: `server +${SLOW_MS} ms per response (${RUNS})`,
  devServer: `Vite, ${DEV_APP_MODULES} modules (${DEV_RUNS})`,
};
for (const { kind } of KINDS)
  console.log(
    `  ${LABELS[kind].padEnd(34)}${VARIANTS.map((v) => `${figure(kind, v).toFixed(0)} (${ratio(kind, v).toFixed(3)})`.padStart(18)).join('')}`,
  );
console.log(`  extension script executions in those pages: ${result.extensionScriptExecutions}`);
mkdirSync(resolve(import.meta.dirname, 'results'), { recursive: true });
writeFileSync(
  resolve(import.meta.dirname, 'results/overhead.json'),
  JSON.stringify({ ...result, samples }, null, 2),
);
if (result.extensionScriptExecutions !== 0) process.exit(1);
