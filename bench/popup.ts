/**
 * `npm run bench:popup`: how long the popup takes from opening to a usable lookup field, as a ratio to a blank
 * page of the same extension, in real Chromium, interleaved in one run (median of RUNS each). The blank page
 * is added to a copy of the production build; the popup itself is the production popup.
 * Needs `npm run build` first. Writes bench/results/popup.json.
 */
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { builtExtension } from '../test/e2e/support/build.ts';
import { launchChromium } from '../test/e2e/support/chromium.ts';
import { median } from './stats.ts';

const RUNS = Number(process.env.RUNS ?? 30);

const copy = mkdtempSync(join(tmpdir(), 'port-doctor-bench-'));
cpSync(builtExtension('chrome-mv3'), copy, { recursive: true });
writeFileSync(
  join(copy, 'blank.html'),
  '<!doctype html><html><head><meta charset="utf-8"><title>blank</title></head><body></body></html>',
);

const session = await launchChromium({ extensionDir: copy });
const { browser } = session;
const base = session.extensionUrl('').replace(/\/$/, '');

async function measure(url: string, ready: string): Promise<number> {
  const page = await browser.newPage();
  const start = performance.now();
  // Polled from the start, not from DOMContentLoaded: the field takes the focus as the page first paints,
  // before its module scripts have run (DOMContentLoaded waits for them).
  const navigated = page.goto(url, { waitUntil: 'domcontentloaded' });
  // Poll often: focus and the answer may appear without a DOM mutation to wake a mutation observer.
  await page.waitForFunction(`location.href.startsWith('chrome-extension:') && (${ready})`, { polling: 2 });
  const elapsed = performance.now() - start;
  await navigated;
  await page.close();
  return elapsed;
}

const samples = { blank: [] as number[], popupUsable: [] as number[], popupAnswer: [] as number[] };
const answerReady = `(() => {
  const field = document.querySelector('[data-testid="lookup"]');
  if (!field || document.activeElement !== field) return false;
  if (!field.value) { field.value = '6000'; field.dispatchEvent(new Event('input', { bubbles: true })); }
  return !!document.querySelector('[data-testid="verdicts"] li');
})()`;
// Warm-up, then interleave so that drift in the machine hits both alike.
await measure(`${base}/blank.html`, 'document.readyState === "complete"');
await measure(`${base}/popup.html`, answerReady);
for (let run = 0; run < RUNS; run++) {
  samples.blank.push(await measure(`${base}/blank.html`, 'document.readyState === "complete"'));
  samples.popupUsable.push(await measure(`${base}/popup.html`, `document.activeElement?.id === 'lookup'`));
  samples.popupAnswer.push(await measure(`${base}/popup.html`, answerReady));
}
await session.close();

const result = {
  browser: 'chromium',
  runs: RUNS,
  blankMs: median(samples.blank),
  popupUsableMs: median(samples.popupUsable),
  popupAnswerMs: median(samples.popupAnswer),
  usableRatio: median(samples.popupUsable) / median(samples.blank),
  answerRatio: median(samples.popupAnswer) / median(samples.blank),
};
console.log(`Chromium, median of ${RUNS} interleaved runs:`);
console.log(`  blank extension page loaded      ${result.blankMs.toFixed(1)} ms`);
console.log(
  `  popup: lookup field usable       ${result.popupUsableMs.toFixed(1)} ms  (ratio ${result.usableRatio.toFixed(2)})`,
);
console.log(
  `  popup: answer for "6000" shown   ${result.popupAnswerMs.toFixed(1)} ms  (ratio ${result.answerRatio.toFixed(2)})`,
);
mkdirSync(resolve(import.meta.dirname, 'results'), { recursive: true });
writeFileSync(
  resolve(import.meta.dirname, 'results/popup.json'),
  JSON.stringify({ ...result, samples }, null, 2),
);
