/**
 * `npm run bench:overhead`: what Port Doctor costs a healthy page. Loads RUNS distinct healthy local pages in
 * real Chromium with the production extension and in the same Chromium without it, interleaved in one run,
 * and reports the ratio of the median load times (navigation start to the load event, wall clock from the
 * test's side). It also counts the extension script executions in those pages (CDP execution contexts of
 * the extension's isolated world): it must be 0. Needs `npm run build` first. Writes bench/results/overhead.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { chromiumPath } from '../test/e2e/support/browsers.ts';
import { extensionWorlds, launchChromium } from '../test/e2e/support/chromium.ts';
import { startServer } from '../test/e2e/support/server.ts';
import { median } from './stats.ts';

const RUNS = Number(process.env.RUNS ?? 100);
const COMMON = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

const page = (index: number) =>
  `<!doctype html><html><head><title>Page ${index}</title><style>body{font:16px sans-serif}</style></head>` +
  `<body><h1>Healthy page ${index}</h1>${'<p>Some text on a healthy local page.</p>'.repeat(20)}<img src="/pixel.svg"><script>document.body.dataset.ready = '1';</script></body></html>`;
const routes: Record<string, string> = {
  '/pixel.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>',
};
for (let index = 0; index < RUNS; index++) routes[`/page/${index}`] = page(index);
const server = await startServer(routes);

// The same Chromium, flags and profile kind, with and without the production build.
const withExtension = await launchChromium();
const without = await puppeteer.launch({
  executablePath: chromiumPath(),
  headless: true,
  pipe: true,
  args: COMMON,
});

async function prepare(browser: Browser): Promise<{ page: Page; worlds: string[] }> {
  const tab = await browser.newPage();
  return { page: tab, worlds: await extensionWorlds(tab, withExtension.extensionId) };
}

async function load(tab: Page, index: number): Promise<number> {
  const start = performance.now();
  await tab.goto(`${server.origin}/page/${index}`, { waitUntil: 'load' });
  return performance.now() - start;
}

const a = await prepare(withExtension.browser);
const b = await prepare(without);
// Warm-up both, then interleave (alternating which goes first) so that drift hits both alike.
await load(a.page, 0);
await load(b.page, 0);
const samples = { with: [] as number[], without: [] as number[] };
for (let index = 0; index < RUNS; index++) {
  if (index % 2 === 0) {
    samples.with.push(await load(a.page, index));
    samples.without.push(await load(b.page, index));
  } else {
    samples.without.push(await load(b.page, index));
    samples.with.push(await load(a.page, index));
  }
}
await withExtension.close();
await without.close();
await server.close();

const result = {
  browser: 'chromium',
  pages: RUNS,
  withMs: median(samples.with),
  withoutMs: median(samples.without),
  ratio: median(samples.with) / median(samples.without),
  extensionScriptExecutions: a.worlds.length,
};
console.log(`Chromium, ${RUNS} healthy local pages each, interleaved, median load time:`);
console.log(`  without Port Doctor  ${result.withoutMs.toFixed(2)} ms`);
console.log(`  with Port Doctor     ${result.withMs.toFixed(2)} ms`);
console.log(`  ratio                ${result.ratio.toFixed(3)}`);
console.log(`  extension script executions in those pages: ${result.extensionScriptExecutions}`);
mkdirSync(resolve(import.meta.dirname, 'results'), { recursive: true });
writeFileSync(
  resolve(import.meta.dirname, 'results/overhead.json'),
  JSON.stringify({ ...result, samples }, null, 2),
);
if (result.extensionScriptExecutions !== 0) process.exit(1);
