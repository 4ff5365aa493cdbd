/**
 * `npm run bench:explanation`: time to explanation. From the moment a blocked URL is typed to the explanation's
 * headline painted, divided by the time the same browser without the extension takes to paint its own error
 * page for the same URL. Interleaved in one run, RUNS each (distinct URLs), medians:
 *   - Chromium: warm (worker running) and cold (worker stopped before each run), and the cold/warm ratio;
 *   - Firefox: warm (an event page; Firefox gives no earlier signal than the committed error page).
 * Timed from the driver's side with 2 ms polling; "painted" = one animation frame after the headline exists.
 * Needs `npm run build` first. Writes bench/results/explanation.json.
 */
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { chromiumPath, firefoxPath } from '../test/e2e/support/browsers.ts';
import { builtExtension } from '../test/e2e/support/build.ts';
import { CHROMIUM_ARGS, launchChromium } from '../test/e2e/support/chromium.ts';
import { launchFirefox } from '../test/e2e/support/firefox.ts';
import { median } from './stats.ts';

const RUNS = Number(process.env.RUNS ?? 30);
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Navigates and polls `ready` (a page-side expression) until true, then waits one frame. Milliseconds. */
async function timeTo(page: Page, url: string, ready: string): Promise<number> {
  const start = performance.now();
  // The browser refuses the port: goto rejects, and the page is left on an error page (or redirected).
  // Puppeteer's goto can lose track of a tab the extension moved (Firefox over WebDriver BiDi): it is not
  // waited for long.
  await page.goto(url, { timeout: 3000 }).catch(() => undefined);
  const deadline = start + 13_000;
  while (performance.now() < deadline) {
    const done = await page
      .evaluate(`(${ready}) && new Promise((painted) => requestAnimationFrame(() => painted(true)))`)
      .catch(() => false);
    if (done) return performance.now() - start;
    await sleep(2);
  }
  throw new Error(`${url}: not ready within 10 s (${ready})`);
}

const EXPLAINED = (scheme: string) =>
  `location.protocol === '${scheme}' && !!document.querySelector('h1')?.textContent?.includes('6000')`;

/**
 * The floor: the production build with its explanation replaced by a one-line page, so the same redirect
 * lands on a page that costs nothing. What is left above it is the explanation page's own weight.
 */
function floorBuild(): string {
  const copy = mkdtempSync(join(tmpdir(), 'port-doctor-floor-'));
  cpSync(builtExtension('chrome-mv3'), copy, { recursive: true });
  writeFileSync(
    join(copy, 'explain.html'),
    '<!doctype html><html><head><meta charset="utf-8"><title>6000</title></head><body><h1>Port 6000</h1></body></html>',
  );
  return copy;
}

async function chromium() {
  const session = await launchChromium();
  const floor = await launchChromium({ extensionDir: floorBuild() });
  const floorTab = await floor.newPage();
  const plain: Browser = await puppeteer.launch({
    executablePath: chromiumPath(),
    headless: true,
    pipe: true,
    args: CHROMIUM_ARGS,
  });
  const withTab = await session.newPage();
  const plainTab = await plain.newPage();
  const errorShown = `location.href.startsWith('chrome-error://') && !!document.body?.innerText.includes('ERR_UNSAFE_PORT')`;
  const samples = {
    warm: [] as number[],
    cold: [] as number[],
    browserAlone: [] as number[],
    floor: [] as number[],
  };
  // Warm-up each path once.
  await timeTo(floorTab, 'http://localhost:6000/warm-up', EXPLAINED('chrome-extension:'));
  await timeTo(withTab, 'http://localhost:6000/warm-up', EXPLAINED('chrome-extension:'));
  await timeTo(plainTab, 'http://localhost:6000/warm-up', errorShown);
  for (let run = 0; run < RUNS; run++) {
    samples.browserAlone.push(await timeTo(plainTab, `http://localhost:6000/alone/${run}`, errorShown));
    samples.warm.push(
      await timeTo(withTab, `http://localhost:6000/warm/${run}`, EXPLAINED('chrome-extension:')),
    );
    samples.floor.push(
      await timeTo(floorTab, `http://localhost:6000/floor/${run}`, EXPLAINED('chrome-extension:')),
    );
    await session.stopWorker();
    await sleep(300);
    samples.cold.push(
      await timeTo(withTab, `http://localhost:6000/cold/${run}`, EXPLAINED('chrome-extension:')),
    );
  }
  await session.close();
  await floor.close();
  await plain.close();
  const alone = median(samples.browserAlone);
  return {
    browserAloneMs: alone,
    warmMs: median(samples.warm),
    floorMs: median(samples.floor),
    floorRatio: median(samples.floor) / alone,
    coldMs: median(samples.cold),
    ratio: median(samples.warm) / alone,
    coldRatio: median(samples.cold) / alone,
    coldToWarm: median(samples.cold) / median(samples.warm),
    samples,
  };
}

async function firefox() {
  const session = await launchFirefox();
  const plain: Browser = await puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath: firefoxPath(),
    headless: true,
  });
  const withTab = await session.newPage();
  const plainTab = await plain.newPage();
  // Firefox's error page keeps loading resources (readyState stays "interactive" headless): its document
  // parsed is the moment it can paint.
  const errorShown = `document.documentURI.startsWith('about:neterror') && document.readyState !== 'loading'`;
  const samples = { warm: [] as number[], browserAlone: [] as number[] };
  await timeTo(withTab, 'http://localhost:6000/warm-up', EXPLAINED('moz-extension:'));
  await timeTo(plainTab, 'http://localhost:6000/warm-up', errorShown);
  for (let run = 0; run < RUNS; run++) {
    samples.browserAlone.push(await timeTo(plainTab, `http://localhost:6000/alone/${run}`, errorShown));
    samples.warm.push(
      await timeTo(withTab, `http://localhost:6000/warm/${run}`, EXPLAINED('moz-extension:')),
    );
  }
  await session.close();
  await plain.close();
  const alone = median(samples.browserAlone);
  return {
    browserAloneMs: alone,
    warmMs: median(samples.warm),
    ratio: median(samples.warm) / alone,
    samples,
  };
}

const result = { runs: RUNS, chromium: await chromium(), firefox: await firefox() };
const { chromium: c, firefox: f } = result;
console.log(`Time to explanation, median of ${RUNS} interleaved runs each (ms):`);
console.log(`  Chromium: browser alone, error page   ${c.browserAloneMs.toFixed(1)}`);
console.log(`  Chromium: explanation, worker warm    ${c.warmMs.toFixed(1)}   ratio ${c.ratio.toFixed(2)}`);
console.log(
  `  Chromium: one-line page instead        ${c.floorMs.toFixed(1)}   ratio ${c.floorRatio.toFixed(2)} (the floor for this redirect)`,
);
console.log(
  `  Chromium: explanation, worker stopped ${c.coldMs.toFixed(1)}   ratio ${c.coldRatio.toFixed(2)}; cold/warm ${c.coldToWarm.toFixed(2)}`,
);
console.log(`  Firefox:  browser alone, error page   ${f.browserAloneMs.toFixed(1)}`);
console.log(`  Firefox:  explanation                 ${f.warmMs.toFixed(1)}   ratio ${f.ratio.toFixed(2)}`);
mkdirSync(resolve(import.meta.dirname, 'results'), { recursive: true });
writeFileSync(resolve(import.meta.dirname, 'results/explanation.json'), JSON.stringify(result, null, 2));
