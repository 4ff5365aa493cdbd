/**
 * The production build in every engine: it runs with the permissions of its manifest, its pages render and
 * reach the background, it explains a blocked port from the browser's own report, shows its card in a live page
 * and nothing in a healthy one, logs no error, and speaks Korean.
 */
import { expect } from 'vitest';
import { CARD, HEALTHY_PAGE } from '../fixtures/pages.ts';
import { cardText } from '../support/card.ts';
import type { ExtensionGlobals } from '../support/extension-api.ts';
import { ENGINES, launchDriver, type BrowserDriver, type Engine } from '../support/driver.ts';
import { startServer, type TestServer } from '../support/server.ts';
import { text } from '../support/text.ts';
import { expectShown, waitFor } from '../support/wait.ts';
import { suite } from './scenario.ts';

interface Build {
  driver: BrowserDriver;
  /** `/` a healthy page, `/app` one on which this engine shows the card. */
  server: TestServer;
}

/**
 * The permissions each build holds: its manifest's (Firefox's `dns` its own), and Chromium's `webRequest`, the
 * deeper checks this session turned on (optional: the card for a page's own requests needs it).
 */
const PERMISSIONS: Record<Engine, string[]> = {
  chromium: ['activeTab', 'scripting', 'storage', 'webNavigation', 'webRequest'],
  firefox: ['activeTab', 'dns', 'scripting', 'storage', 'webNavigation'],
};

/**
 * What the browser itself reported of the refusal, kept with the failure: Chromium's error event; Firefox fires
 * none for a blocked port, so Port Doctor reads its committed error page.
 */
const BLOCKED_CODE: Record<Engine, string> = {
  chromium: 'net::ERR_UNSAFE_PORT',
  firefox: 'NS_ERROR_PORT_ACCESS_NOT_ALLOWED',
};

export const FOUNDATION = [
  suite<Build>({
    title: 'production build',
    start: async (engine) => ({
      server: await startServer({ '/': HEALTHY_PAGE, '/app': CARD[engine].page }),
      driver: await launchDriver(engine, { deeperChecks: true }),
    }),
    stop: async ({ driver, server }) => {
      await driver.close();
      await server.close();
    },
    scenarios: [
      {
        title: 'runs with a live background, asking for no permission beyond its manifest',
        engines: ENGINES,
        run: async ({ driver }) => {
          expect(
            await driver.inExtension(
              () => (globalThis as unknown as ExtensionGlobals).browser.runtime.getManifest().version,
            ),
          ).toMatch(/^\d+\.\d+\.\d+$/);
          const permissions = await driver.inExtension(() =>
            (globalThis as unknown as ExtensionGlobals).browser.permissions.getAll(),
          );
          expect(permissions.permissions?.sort()).toEqual(PERMISSIONS[driver.engine]);
        },
      },
      {
        title: 'renders the popup with its translated text',
        engines: ENGINES,
        run: async ({ driver }) => {
          const page = await driver.openExtensionPage('/popup.html');
          expect(await text(page, 'h1')).toBe('Port Doctor');
          await expectShown(page, 'main', 'Nothing went wrong in this tab.');
          await page.close();
        },
      },
      {
        title: 'renders the options page, which reaches the background',
        engines: ENGINES,
        run: async ({ driver }) => {
          const page = await driver.openExtensionPage('/options.html');
          expect(await page.title()).toBe('Port Doctor settings');
          const status = await waitFor('background status', () =>
            page.$('[data-testid="background-status"]'),
          );
          expect(await status.evaluate((element) => element.textContent)).toMatch(
            /^Port Doctor \d+\.\d+\.\d+ is running\.$/,
          );
          await page.close();
        },
      },
      {
        title: "explains http://localhost:6000/ from the browser's own report, and keeps the error it named",
        engines: ENGINES,
        run: async ({ driver }) => {
          const page = await driver.newPage();
          await driver.navigateFailing(page, 'http://localhost:6000/');
          await driver.explained(page);
          expect(await text(page, 'h1')).toBe('Your browser blocked port 6000');
          await expectShown(page, '[data-testid="service"]', 'X11 window system');
          expect(await text(page, '[data-testid="failed-url"]')).toBe('http://localhost:6000/');
          expect(await driver.failures()).toContainEqual(
            expect.objectContaining({ url: 'http://localhost:6000/', code: BLOCKED_CODE[driver.engine] }),
          );
          await page.close();
        },
      },
      {
        title:
          'shows the card in a live page whose own request hit a blocked port, and leaves the page as it was',
        engines: ENGINES,
        run: async ({ driver, server }) => {
          const page = await driver.newPage();
          const worlds = await driver.worlds(page);
          await page.goto(`${server.origin}/app`);
          await driver.exposeCard(page);
          const card = await waitFor(
            'the overlay card',
            async () => (await cardText(page, 'overlay-card')) || undefined,
          );
          expect(card).toContain('A request on this page hit a blocked port');
          expect(card).toContain('Port 6000: X11 window system');
          expect(await text(page, '#app')).toBe(CARD[driver.engine].app);
          expect(await driver.locationOf(page)).toBe(`${server.origin}/app`);
          // Injected once (where the engine's protocol shows the extension's worlds).
          if (worlds) expect(worlds).toEqual(['Port Doctor']);
          await page.close();
        },
      },
      {
        title: 'runs no extension code in a healthy page',
        engines: ENGINES,
        run: async ({ driver, server }) => {
          const page = await driver.newPage();
          const worlds = await driver.worlds(page);
          await page.goto(server.origin);
          expect(await text(page, '#app')).toBe('A healthy local page');
          // Everything the extension does after this page loaded has been done by the time a later failure is.
          await driver.settle();
          if (worlds) expect(worlds).toEqual([]);
          expect(await page.$('port-doctor-overlay')).toBeNull();
          await page.close();
        },
      },
      {
        title: 'logged no error in the background or the extension pages',
        engines: ENGINES,
        run: async ({ driver }) => {
          expect(driver.errors).toEqual([]);
        },
      },
    ],
  }),
  suite<BrowserDriver>({
    title: 'in Korean',
    start: (engine) => launchDriver(engine, { locale: 'ko' }),
    stop: (driver) => driver.close(),
    scenarios: [
      {
        title: 'shows the options page and the explanation in Korean',
        engines: ENGINES,
        run: async (driver) => {
          const options = await driver.openExtensionPage('/options.html');
          expect(await options.title()).toBe('Port Doctor 설정');
          await options.close();
          const page = await driver.newPage();
          await driver.navigateFailing(page, 'http://127.0.0.1:10080/');
          await driver.explained(page);
          expect(await text(page, 'h1')).toBe('브라우저가 10080번 포트를 차단했습니다');
          await page.close();
        },
      },
    ],
  }),
];
