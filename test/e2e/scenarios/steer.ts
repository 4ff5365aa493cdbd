/**
 * A page cannot make Port Doctor load a URL of its choosing, in every engine: an opener page that steers the
 * window Port Doctor explained gets nothing loaded by the extension, and a navigation the background offers
 * instead is loaded only on the user's click.
 */
import { expect } from 'vitest';
import type { ExtensionGlobals } from '../support/extension-api.ts';
import { ENGINES, launchDriver, type BrowserDriver, type Engine } from '../support/driver.ts';
import { startServer, type TestServer } from '../support/server.ts';
import { waitFor } from '../support/wait.ts';
import { suite } from './scenario.ts';

interface Steer {
  driver: BrowserDriver;
  opener: TestServer;
  victim: TestServer;
}

/**
 * Whether a web page may navigate a window that shows an extension page: Chromium lets it (the window shows what
 * the page asked for last); Firefox 153 lets no page do it (the assignments throw no error and go nowhere).
 */
const PAGE_NAVIGATES_IT: Record<Engine, boolean> = { chromium: true, firefox: false };

export const STEER = [
  suite<Steer>({
    title: 'an opener page steers the window Port Doctor explained',
    start: async (engine) => ({
      victim: await startServer({ '/a': 'victim a', '/b': 'victim b' }),
      opener: await startServer({ '/': '<title>opener</title>opener' }),
      driver: await launchDriver(engine),
    }),
    stop: async ({ driver, opener, victim }) => {
      await driver.close();
      await Promise.all([victim.close(), opener.close()]);
    },
    scenarios: [
      {
        title: 'navigated twice right after the redirect: the extension loads nothing the page chose',
        engines: ENGINES,
        run: async ({ driver, opener, victim }) => {
          const page = await driver.newPage();
          await page.goto(opener.origin);
          await page.evaluate(() => {
            (window as unknown as { w: Window | null }).w = window.open('http://localhost:6000/opened');
          });
          const explanation = '/explain.html?url=http%3A%2F%2Flocalhost%3A6000%2Fopened';
          const popup = await driver.waitForPage(explanation);
          // Within the 3 s in which an aborted navigation counts as cut off by the redirect: /a is aborted by /b.
          await page.evaluate(
            (a: string, b: string) => {
              const { w } = window as unknown as { w: Window };
              w.location.href = a;
              w.location.href = b;
            },
            `${victim.origin}/a?from=page`,
            `${victim.origin}/b?from=page`,
          );
          // The sentinel: the opener's own next navigation, which follows them; then everything the extension
          // was told is handled.
          await page.evaluate((next: string) => void (location.href = next), `${victim.origin}/b?sentinel`);
          await waitFor('the sentinel request', async () =>
            victim.requests.some((request) => request.url === '/b?sentinel'),
          );
          await driver.settle();
          // Chromium 156 sends the extension's tabs.update as Sec-Fetch-Site "cross-site" (its initiator is the
          // extension); the opener's own navigations are "same-site" (127.0.0.1 both). Before the fix the victim
          // saw a third request, /a again, cross-site. The page's own requests may or may not reach the server
          // before the next one cancels them: what counts is that none comes from anyone else.
          const navigations = victim.requests.filter((request) => request.url !== '/favicon.ico');
          expect(navigations.filter((request) => request.fetchSite !== 'same-site')).toEqual([]);
          if (PAGE_NAVIGATES_IT[driver.engine]) {
            // The window shows what the page asked for last.
            await waitFor(
              'the window to land on the victim',
              async () => (await driver.locationOf(popup)) === `${victim.origin}/b?from=page`,
            );
          } else {
            expect(navigations.map((request) => request.url)).toEqual(['/b?sentinel']);
            expect(await driver.locationOf(popup)).toContain(explanation);
          }
          await page.close();
        },
      },
      {
        title:
          'a navigation offered instead (the background decided: wiring tests): shown, and loaded on a click',
        engines: ENGINES,
        run: async ({ driver, victim }) => {
          const page = await driver.newPage();
          try {
            await driver.navigateFailing(page, 'http://localhost:6000/offer');
            await driver.explained(page, '6000%2Foffer');
            const offered = `${victim.origin}/offered?x=1`;
            await driver.inExtension(async (url: string) => {
              const { browser } = globalThis as unknown as ExtensionGlobals;
              const tab = (await browser.tabs.query({})).find((candidate) =>
                candidate.url?.includes('%2Foffer&'),
              );
              await browser.storage.session.set({ offered: { [String(tab?.id)]: url } });
            }, offered);
            const button = await waitFor('the offer', () => page.$('[data-testid="continue"]'));
            expect(
              await page.$eval('[data-testid="continue-offer"]', (offer) => (offer as HTMLElement).innerText),
            ).toContain(victim.origin);
            await button.click();
            await waitFor('the offered page', async () => (await driver.locationOf(page)) === offered);
          } finally {
            await page.close();
            await driver.inExtension(() =>
              (globalThis as unknown as ExtensionGlobals).browser.storage.session.remove('offered'),
            );
          }
        },
      },
    ],
  }),
];
