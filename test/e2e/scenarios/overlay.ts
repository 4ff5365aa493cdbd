/**
 * The card Port Doctor shows inside a live page whose own request (Chromium) or frame (Firefox) hit a blocked
 * port, in every engine: it names the port and leaves the page as it was, works from the keyboard, and stays
 * away from a site the user muted.
 */
import type { Page } from 'puppeteer-core';
import { expect } from 'vitest';
import { CARD } from '../fixtures/pages.ts';
import { cardArmed, cardElement, cardText } from '../support/card.ts';
import { ENGINES, launchDriver, type BrowserDriver, type Engine } from '../support/driver.ts';
import { startServer, type TestServer } from '../support/server.ts';
import { waitFor } from '../support/wait.ts';
import { suite } from './scenario.ts';

interface Overlay {
  driver: BrowserDriver;
  /** `/styled` fails on a click; `/again`, on the same site, as it loads. */
  server: TestServer;
}

/** The page as its own scripts see it, without our overlay host, and the computed styles of its elements. */
function snapshot(page: Page): Promise<{ html: string; styles: string[] }> {
  return page.evaluate(() => {
    const clone = document.documentElement.cloneNode(true) as HTMLElement;
    clone.querySelectorAll('port-doctor-overlay').forEach((host) => host.remove());
    const styles = [...document.querySelectorAll('html, body, body *:not(port-doctor-overlay)')].map(
      (element) => {
        const style = getComputedStyle(element);
        return [...style].map((name) => `${name}:${style.getPropertyValue(name)}`).join(';');
      },
    );
    return { html: new XMLSerializer().serializeToString(clone), styles };
  });
}

/** A second page of the same site on which the engine would show the card as it loads. */
const AGAIN: Record<Engine, string> = {
  // A hundred requests to a blocked port.
  chromium: `<!doctype html><title>Busy app</title><h1 id="app">Busy app</h1>
<script>for (let i = 0; i < 100; i++) fetch('http://127.0.0.1:6000/poll').catch(() => undefined);</script>`,
  firefox: CARD.firefox.page,
};

/** Opens `/styled`, clicks the button that makes it fail, and waits for the card, exposed. */
async function failedStyledPage(driver: BrowserDriver, server: TestServer): Promise<Page> {
  const page = await driver.newPage();
  await page.goto(`${server.origin}/styled`);
  await page.click('#go');
  await driver.exposeCard(page);
  await waitFor('the card', () => cardElement(page, '[data-testid="overlay-card"]'));
  return page;
}

export const OVERLAY = [
  suite<Overlay>({
    title: 'the in-page card',
    start: async (engine) => ({
      server: await startServer({ '/styled': CARD[engine].click, '/again': AGAIN[engine] }),
      driver: await launchDriver(engine, { deeperChecks: true }),
    }),
    stop: async ({ driver, server }) => {
      await driver.close();
      await server.close();
    },
    scenarios: [
      {
        title: "names the blocked port, and leaves the page's DOM and styles as they were",
        engines: ENGINES,
        run: async ({ driver, server }) => {
          const page = await driver.newPage();
          try {
            await page.goto(`${server.origin}/styled`);
            // The pointer on the button it is about to click: its hover colours are the page's own doing.
            await page.hover('#go');
            const before = await snapshot(page);
            await page.click('#go');
            await driver.exposeCard(page);
            const ports = await waitFor(
              'the card',
              async () => (await cardText(page, 'overlay-ports')) || undefined,
            );
            expect(ports).toContain('Port 6000: X11 window system');
            expect(await cardText(page, 'overlay-requests')).toContain(CARD[driver.engine].clickLine);
            const after = await snapshot(page);
            expect(after.html).toBe(before.html);
            expect(after.styles).toEqual(before.styles);
          } finally {
            await page.close();
          }
        },
      },
      {
        title: 'is reachable by keyboard, opens the explanation, and can be dismissed',
        engines: ENGINES,
        run: async ({ driver, server }) => {
          const page = await failedStyledPage(driver, server);
          try {
            const why = await cardElement(page, '[data-testid="overlay-card"] button.primary');
            await cardArmed(page);
            await why!.focus();
            await page.keyboard.press('Enter');
            // The card's own line, not an explanation another step left open.
            const explanation = await driver.waitForPage(
              `/explain.html?url=${encodeURIComponent(CARD[driver.engine].explains)}&`,
            );
            await waitFor('the explanation', () => explanation.$eval('h1', (h1) => h1.textContent?.trim()));
            expect(await explanation.$eval('h1', (h1) => h1.textContent)).toMatch(
              /^Your browser blocked port (6000|6667)$/,
            );
            await explanation.close();
            // Back in front, the card is new to the eye again: it waits its moment before taking a click.
            await page.bringToFront();
            await cardArmed(page);
            const dismiss = await cardElement(page, '[data-testid="overlay-card"] button:nth-of-type(2)');
            await dismiss!.click();
            await waitFor(
              'the card to go',
              async () => (await cardElement(page, '[data-testid="overlay-card"]')) === null,
            );
          } finally {
            await page.close();
          }
        },
      },
      {
        title: 'stays away from a site after "Don\'t show on this site"',
        engines: ENGINES,
        run: async ({ driver, server }) => {
          const page = await failedStyledPage(driver, server);
          try {
            const mute = await cardElement(page, '[data-testid="overlay-card"] button:nth-of-type(3)');
            await cardArmed(page);
            await mute!.click();
            await waitFor(
              'the card to go',
              async () => (await cardElement(page, '[data-testid="overlay-card"]')) === null,
            );
            const again = await driver.newPage();
            const worlds = await driver.worlds(again);
            await again.goto(`${server.origin}/again`);
            // The background handled those failures (the toolbar button says so) without a card.
            await waitFor('the badge', async () => (await driver.badgeOf(`${server.origin}/again`)) === '!');
            await driver.settle();
            if (worlds) expect(worlds).toEqual([]);
            expect(await again.$('port-doctor-overlay')).toBeNull();
            await again.close();
          } finally {
            await page.close();
            await driver.storeSettings({});
          }
        },
      },
    ],
  }),
];
