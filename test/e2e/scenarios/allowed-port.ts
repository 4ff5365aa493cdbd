/**
 * A port the user re-allowed in the browser itself (`--explicitly-allowed-ports`,
 * `network.security.ports.banned.override`), in every engine: its server's pages load untouched, redirected or
 * answered after the background was stopped, and a port still blocked is still explained.
 */
import { expect } from 'vitest';
import { HEALTHY_PAGE } from '../fixtures/pages.ts';
import { ENGINES, launchDriver, type BrowserDriver } from '../support/driver.ts';
import { startServer, type TestServer } from '../support/server.ts';
import { text } from '../support/text.ts';
import { waitFor } from '../support/wait.ts';
import { suite } from './scenario.ts';

interface Allowed {
  driver: BrowserDriver;
  server: TestServer;
  /** Sends the answer of /slow, which the server holds until then. */
  release(): void;
}

export const ALLOWED_PORT = [
  suite<Allowed>({
    title: 'with port 6000 re-allowed in the browser',
    start: async (engine) => {
      let release = () => {};
      const server = await startServer(
        {
          '/': HEALTHY_PAGE,
          '/app': { status: 301, headers: { location: '/app/' } },
          '/app/': HEALTHY_PAGE.replace('A healthy local page', 'The app, after a redirect'),
          '/slow': {
            status: 200,
            body: HEALTHY_PAGE.replace('A healthy local page', 'A slow dev server'),
            until: () => new Promise<void>((done) => (release = done)),
          },
        },
        6000,
      ).catch((error: unknown) => {
        throw new Error(
          `These scenarios serve pages on port 6000, which is taken on this machine: ${String(error)}`,
        );
      });
      // The event page idles 1 s in Firefox, so that stopBackground does not wait 30 s.
      const driver = await launchDriver(engine, { allowedPorts: [6000], quickIdle: true });
      return { driver, server, release: () => release() };
    },
    stop: async ({ driver, server }) => {
      await driver.close();
      await server.close();
    },
    scenarios: [
      {
        title: 'loads the page on 6000 and shows no explanation',
        engines: ENGINES,
        run: async ({ driver }) => {
          const page = await driver.newPage();
          await page.goto('http://127.0.0.1:6000/');
          expect(await text(page, '#app')).toBe('A healthy local page');
          await driver.settle();
          expect(await driver.locationOf(page)).toBe('http://127.0.0.1:6000/');
          expect(await driver.failures()).toEqual([]);
          await page.close();
        },
      },
      {
        title: 'a server that redirects /app to /app/ loads untouched',
        engines: ENGINES,
        run: async ({ driver }) => {
          const page = await driver.newPage();
          await page.goto('http://localhost:6000/app');
          expect(await text(page, '#app')).toBe('The app, after a redirect');
          await driver.settle();
          expect(await driver.locationOf(page)).toBe('http://localhost:6000/app/');
          await page.close();
        },
      },
      {
        title: 'a server that answers after the background was stopped loads untouched',
        engines: ENGINES,
        run: async ({ driver, server, release }) => {
          const before = await driver.backgroundStartedAt();
          const page = await driver.newPage();
          const loading = page.goto('http://localhost:6000/slow');
          // The server holds its answer until the background that saw the navigation start is gone.
          await waitFor('the request to reach the server', async () =>
            server.requests.some((request) => request.url === '/slow'),
          );
          await driver.stopBackground();
          release();
          await loading;
          expect(await text(page, '#app')).toBe('A slow dev server');
          await driver.settle();
          expect(await driver.locationOf(page)).toBe('http://localhost:6000/slow');
          // The background that saw the start is not the one that saw the commit.
          expect(await driver.backgroundStartedAt()).not.toBe(before);
          await page.close();
        },
      },
      {
        title: 'still explains a port that is really blocked',
        engines: ENGINES,
        run: async ({ driver }) => {
          const page = await driver.openExplained('http://localhost:6665/');
          expect(await text(page, 'h1')).toBe('Your browser blocked port 6665');
          await page.close();
        },
      },
    ],
  }),
];
