/**
 * `npm run bench:overhead`: what Port Doctor costs a healthy page in real Chromium. RUNS distinct healthy local
 * pages are loaded, interleaved in one run, in three browsers that differ only in the extension loaded:
 *   - none;
 *   - a reference extension with no code at all that only holds the `webRequest` permission;
 *   - the production build of Port Doctor.
 * Figures are medians of the page's own Navigation Timing (start to the load event) and of the wall clock seen
 * by the test. The reference shows the browser's own price of the permission #6 needs: while any extension
 * holds `webRequest`, Chromium routes every page request through its browser-process proxy
 * (ChromeContentBrowserClient::WillCreateURLLoaderFactory -> WebRequestAPI::MaybeProxyURLLoaderFactory,
 * extensions/browser/api/web_request/web_request_api.cc), listeners or not.
 * It also counts the extension script executions in those pages (CDP execution contexts of the extension's
 * isolated world): it must be 0. Needs `npm run build` first. Writes bench/results/overhead.json.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { chromiumPath } from '../test/e2e/support/browsers.ts';
import { builtExtension } from '../test/e2e/support/build.ts';
import { CHROMIUM_ARGS, extensionWorlds } from '../test/e2e/support/chromium.ts';
import { startServer } from '../test/e2e/support/server.ts';
import { median } from './stats.ts';

const RUNS = Number(process.env.RUNS ?? 100);

const page = (index: number) =>
  `<!doctype html><html><head><title>Page ${index}</title><style>body{font:16px sans-serif}</style></head>` +
  `<body><h1>Healthy page ${index}</h1>${'<p>Some text on a healthy local page.</p>'.repeat(20)}<img src="/pixel.svg"><script>document.body.dataset.ready = '1';</script></body></html>`;
const routes: Record<string, string> = {
  '/pixel.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>',
};
for (let index = 0; index < RUNS; index++) routes[`/page/${index}`] = page(index);
const server = await startServer(routes);

const reference = mkdtempSync(join(tmpdir(), 'port-doctor-webrequest-only-'));
writeFileSync(
  join(reference, 'manifest.json'),
  JSON.stringify({ manifest_version: 3, name: 'webRequest only', version: '1', permissions: ['webRequest'] }),
);

type Variant = 'none' | 'webRequestOnly' | 'portDoctor';
const extensions: Record<Variant, string | undefined> = {
  none: undefined,
  webRequestOnly: reference,
  portDoctor: builtExtension('chrome-mv3'),
};

async function launch(extension: string | undefined): Promise<Browser> {
  return puppeteer.launch({
    executablePath: chromiumPath(),
    headless: true,
    pipe: true,
    // The same flags for all three: only the loaded extension differs.
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [
      ...CHROMIUM_ARGS,
      ...(extension ? [`--disable-extensions-except=${extension}`, `--load-extension=${extension}`] : []),
    ],
  });
}

const variants = Object.keys(extensions) as Variant[];
const browsers = {} as Record<Variant, Browser>;
const tabs = {} as Record<Variant, Page>;
for (const variant of variants) {
  browsers[variant] = await launch(extensions[variant]);
  tabs[variant] = await browsers[variant].newPage();
}
const worker = await browsers.portDoctor.waitForTarget(
  (target) => target.type() === 'service_worker' && target.url().startsWith('chrome-extension://'),
);
const worlds = await extensionWorlds(tabs.portDoctor, new URL(worker.url()).host);

const samples = Object.fromEntries(variants.map((v) => [v, { page: [] as number[], wall: [] as number[] }]));
async function load(variant: Variant, index: number): Promise<void> {
  const tab = tabs[variant];
  const start = performance.now();
  await tab.goto(`${server.origin}/page/${index}`, { waitUntil: 'load' });
  samples[variant]!.wall.push(performance.now() - start);
  samples[variant]!.page.push(
    await tab.evaluate(
      () => performance.getEntriesByType('navigation')[0]?.toJSON().loadEventStart as number,
    ),
  );
}

// Warm up each, then interleave, alternating the order so that drift hits all alike.
for (const variant of variants) await load(variant, 0);
for (const variant of variants) samples[variant] = { page: [], wall: [] };
for (let index = 0; index < RUNS; index++) {
  for (const variant of index % 2 === 0 ? variants : [...variants].reverse()) await load(variant, index);
}
for (const variant of variants) await browsers[variant].close();
await server.close();

const figure = (variant: Variant, kind: 'page' | 'wall') => median(samples[variant]![kind]);
const ratio = (variant: Variant, kind: 'page' | 'wall') => figure(variant, kind) / figure('none', kind);
const result = {
  browser: 'chromium',
  pages: RUNS,
  medianMs: Object.fromEntries(
    variants.map((v) => [v, { page: figure(v, 'page'), wall: figure(v, 'wall') }]),
  ),
  ratio: ratio('portDoctor', 'page'),
  wallRatio: ratio('portDoctor', 'wall'),
  webRequestOnlyRatio: ratio('webRequestOnly', 'page'),
  portDoctorVsWebRequestOnly: figure('portDoctor', 'page') / figure('webRequestOnly', 'page'),
  extensionScriptExecutions: worlds.length,
};
console.log(
  `Chromium, ${RUNS} healthy local pages each, interleaved; median ms (page = Navigation Timing load):`,
);
console.log('                            page     wall   ratio (page)');
for (const variant of variants)
  console.log(
    `  ${variant.padEnd(24)}${figure(variant, 'page').toFixed(1).padStart(7)}  ${figure(variant, 'wall').toFixed(1).padStart(7)}   ${ratio(variant, 'page').toFixed(3)}`,
  );
console.log(`  Port Doctor / webRequest-only reference: ${result.portDoctorVsWebRequestOnly.toFixed(3)}`);
console.log(`  extension script executions in those pages: ${result.extensionScriptExecutions}`);
mkdirSync(resolve(import.meta.dirname, 'results'), { recursive: true });
writeFileSync(
  resolve(import.meta.dirname, 'results/overhead.json'),
  JSON.stringify({ ...result, samples }, null, 2),
);
if (result.extensionScriptExecutions !== 0) process.exit(1);
