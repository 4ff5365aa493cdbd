/**
 * `npm run demo`: the main job, headless. Builds the extension (npm script), loads the production build into
 * real Chromium and Firefox, walks the scenario a developer lives through, and saves screenshots:
 *   1. types http://localhost:6000/ -> Port Doctor's explanation instead of ERR_UNSAFE_PORT (en, ko, dark);
 *   2. the popup in that tab, looking up localhost:6667; 3. the options page; 4. a dev app whose fetch hits port 6000 -> the in-page card;
 *   5. the same typed URL in Firefox.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { API_ON_BLOCKED_PORTS } from '../test/e2e/fixtures/pages.ts';
import { launchChromium } from '../test/e2e/support/chromium.ts';
import { launchFirefox, locationOf } from '../test/e2e/support/firefox.ts';
import { typeLookup } from '../test/e2e/support/popup.ts';
import { startServer } from '../test/e2e/support/server.ts';
import { cardAtRest, exposeCardChromium } from '../test/e2e/support/card.ts';
import { waitFor } from '../test/e2e/support/wait.ts';
import { storeShots } from './store-shots.ts';

// The README shows these files: a run of the demo refreshes them.
const out = resolve(import.meta.dirname, '..', 'docs', 'screenshots');
mkdirSync(out, { recursive: true });

async function shoot(page: Page, name: string): Promise<void> {
  const path = resolve(out, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  console.log(`  saved ${path}`);
}

async function typeBlockedUrl(page: Page, url: string, onExplanation: () => Promise<boolean>): Promise<void> {
  await page.goto(url, { timeout: 5000 }).catch(() => {
    // Expected: the browser refuses the port; Port Doctor then moves the tab.
  });
  await waitFor('the explanation page', onExplanation);
  await waitFor('the headline', () => page.$eval('h1', (h1) => h1.textContent?.trim()));
  // The first screen paints before the rest of the page loads: the shot waits for the rest.
  await waitFor('the safe ports', () => page.$('[data-testid="alternatives"]'));
}

const server = await startServer({ '/app': API_ON_BLOCKED_PORTS });
for (const [lang, scheme] of [
  ['en-US', 'light'],
  ['ko', 'light'],
  ['en-US', 'dark'],
] as const) {
  console.log(`Chromium (${lang}, ${scheme})`);
  const chromium = await launchChromium({ lang, deeperChecks: true });
  const page = await chromium.newPage();
  await page.setViewport({ width: 1000, height: 720 });
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
  const tag = `${lang.slice(0, 2)}-${scheme}`;
  await typeBlockedUrl(page, 'http://localhost:6000/', async () => page.url().includes('/explain.html?'));
  console.log(`  ${await page.$eval('h1', (h1) => h1.textContent)}`);
  await shoot(page, `1-explain-chromium-${tag}`);
  await page.setViewport({ width: 420, height: 600 });
  await page.goto(chromium.extensionUrl('/popup.html'));
  await waitFor('the popup', () => page.$('[data-testid="lookup"]'));
  await typeLookup(page, 'localhost:6667');
  await waitFor('the lookup answer', () => page.$('[data-testid="verdicts"] li'));
  await shoot(page, `2-popup-chromium-${tag}`);
  await page.setViewport({ width: 1000, height: 600 });
  await page.goto(chromium.extensionUrl('/options.html'));
  await waitFor('the options', () => page.$('[data-testid="background-status"]'));
  await shoot(page, `3-options-chromium-${tag}`);
  const app = await chromium.newPage();
  await app.setViewport({ width: 1000, height: 600 });
  await app.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
  await app.goto(`${server.origin}/app`);
  // The card lives in a closed shadow root: the browser's own tools (CDP) open it for the demo to wait on.
  await exposeCardChromium(app);
  await waitFor('the overlay card', () => app.$('pierce/[data-testid="overlay-card"]'));
  await cardAtRest(app);
  await shoot(app, `4-overlay-chromium-${tag}`);
  await chromium.close();
}

for (const locale of ['en-US', 'ko']) {
  console.log(`Firefox (${locale})`);
  const firefox = await launchFirefox({ locale });
  const page = await firefox.newPage();
  await page.setViewport({ width: 1000, height: 720 });
  await typeBlockedUrl(page, 'http://localhost:6000/', async () =>
    (await locationOf(page)).includes('/explain.html?'),
  );
  console.log(`  ${await page.$eval('h1', (h1) => h1.textContent)}`);
  await shoot(page, `5-explain-firefox-${locale.slice(0, 2)}-light`);
  await firefox.close();
}
await server.close();

console.log(`\nScreenshots: ${out}`);
await storeShots();
