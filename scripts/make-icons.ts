/**
 * Renders scripts/icon.svg to public/icon/{16,32,48,128}.png with the real Chromium (no image tools needed).
 * Run after changing the SVG: `node scripts/make-icons.ts`. The PNGs are committed.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import puppeteer from 'puppeteer-core';
import { chromiumPath } from '../test/e2e/support/browsers.ts';

const root = resolve(import.meta.dirname, '..');
const svg = readFileSync(resolve(root, 'scripts/icon.svg'), 'utf8');
mkdirSync(resolve(root, 'public/icon'), { recursive: true });

const browser = await puppeteer.launch({
  executablePath: chromiumPath(),
  headless: true,
  args: ['--no-sandbox', '--disable-gpu'],
});
const page = await browser.newPage();
for (const size of [16, 32, 48, 128]) {
  await page.setViewport({ width: size, height: size });
  await page.setContent(
    `<style>html,body{margin:0;background:transparent}svg{width:${size}px;height:${size}px;display:block}</style>${svg}`,
  );
  const path = resolve(root, `public/icon/${size}.png`);
  await page.screenshot({ path, omitBackground: true });
  console.log(path);
}
await browser.close();
