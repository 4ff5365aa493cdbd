/**
 * The store screenshots (`npm run demo` writes them): 1280×800 and 640×400, the sizes the Chrome Web Store takes
 * (addons.mozilla.org takes them too), in English and Korean, each taken once the page has settled (the probes
 * answered, the card's entrance ended). One scene per case the listings advertise: a blocked port, a refused
 * connection with the server found next door, https:// to a plain-HTTP server, a database port, the in-page card.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { API_ON_BLOCKED_PORTS, HEALTHY_PAGE } from '../test/e2e/fixtures/pages.ts';
import { cardAtRest, exposeCardChromium } from '../test/e2e/support/card.ts';
import { launchChromium, storeSettings } from '../test/e2e/support/chromium.ts';
import {
  controlPage,
  launchFirefox,
  locationOf,
  storeSettings as storeFirefoxSettings,
} from '../test/e2e/support/firefox.ts';
import { closedPort } from '../test/e2e/support/ports.ts';
import { POSTGRES_ERROR, startNotHttpServer, type Running } from '../test/e2e/support/real-servers.ts';
import { startServer } from '../test/e2e/support/server.ts';
import { waitFor } from '../test/e2e/support/wait.ts';

const out = resolve(import.meta.dirname, '..', 'docs', 'screenshots', 'store');
mkdirSync(out, { recursive: true });

const LARGE = { width: 1280, height: 800 };

/** The same screen at both sizes: 640×400 is the 1280×800 layout at half the pixels, not a narrower page. */
async function shootBoth(page: Page, name: string): Promise<void> {
  for (const [scale, size] of [
    [1, '1280x800'],
    [0.5, '640x400'],
  ] as const) {
    await page.setViewport({ ...LARGE, deviceScaleFactor: scale });
    const path = resolve(out, `${name}-${size}.png`);
    await page.screenshot({ path });
    console.log(`  saved ${path}`);
  }
}

/** Waits until the explanation has said all it will: its sections are in and every check has answered. */
async function settled(page: Page, inside: (page: Page) => Promise<boolean>): Promise<void> {
  await waitFor('the explanation page', () => inside(page));
  await waitFor('the headline', () => page.$eval('h1', (h1) => h1.textContent?.trim()));
  await waitFor('the checks', () =>
    page.evaluate(
      () =>
        // The kind's words are in (the title is set with them), and no probe is still running.
        document.title.includes(' — ') &&
        document.querySelector('.state.probing') === null &&
        !document.querySelector('[data-testid="did-you-mean"]')?.textContent?.includes('…'),
    ),
  );
}

/** A PostgreSQL stand-in on 5432, or the real one if this machine runs it (it answers the browser the same way). */
async function database(): Promise<Running | undefined> {
  return startNotHttpServer(5432, POSTGRES_ERROR).catch(() => undefined);
}

export async function storeShots(): Promise<void> {
  const plain = await startServer({ '/': HEALTHY_PAGE, '/app': API_ON_BLOCKED_PORTS });
  const postgres = await database();
  try {
    for (const lang of ['en-US', 'ko'] as const) {
      const tag = lang.slice(0, 2);
      console.log(`Store screenshots, Chromium (${lang})`);
      const chromium = await launchChromium({ lang, deeperChecks: true });
      await storeSettings(chromium, { blockedNavigation: 'explain', localFailures: 'explain' });
      const inTab = (page: Page) => Promise.resolve(page.url().includes('/explain.html?'));
      const open = async (url: string, name: string) => {
        const page = await chromium.newPage();
        await page.setViewport(LARGE);
        await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
        await page.goto(url, { timeout: 5000 }).catch(() => undefined);
        await settled(page, inTab);
        await shootBoth(page, `${name}-chromium-${tag}`);
        await page.close();
      };
      await open('http://localhost:6000/', '1-blocked');
      const refused = await closedPort();
      const nextDoor = await startServer({ '/': HEALTHY_PAGE }, refused + 1).catch(() =>
        startServer({ '/': HEALTHY_PAGE }, refused - 1),
      );
      await open(`http://localhost:${refused}/`, '2-refused');
      await nextDoor.close();
      await open(`${plain.origin.replace('http:', 'https:')}/`, '3-https-to-http');
      await open('http://localhost:5432/', '4-database');
      const app = await chromium.newPage();
      await app.setViewport(LARGE);
      await app.goto(`${plain.origin}/app`);
      await exposeCardChromium(app);
      await waitFor('the card', () => app.$('pierce/[data-testid="overlay-card"]'));
      await cardAtRest(app);
      await shootBoth(app, `5-card-chromium-${tag}`);
      await chromium.close();

      console.log(`Store screenshots, Firefox (${lang})`);
      const firefox = await launchFirefox({ locale: lang });
      await storeFirefoxSettings(await controlPage(firefox), {
        blockedNavigation: 'explain',
        localFailures: 'explain',
      });
      const page = await firefox.newPage();
      await page.setViewport(LARGE);
      await page.goto('http://localhost:6000/', { timeout: 5000 }).catch(() => undefined);
      await settled(page, async (candidate) => (await locationOf(candidate)).includes('/explain.html?'));
      await shootBoth(page, `1-blocked-firefox-${tag}`);
      await firefox.close();
    }
  } finally {
    await plain.close();
    await postgres?.close();
  }
  console.log(`\nStore screenshots: ${out}`);
}
