/**
 * A local failure left on the browser's own error page (the default reaction to one is the toolbar badge), then
 * explained from the popup, in every engine that shows it: the popup opened in that tab leads with its diagnosis,
 * whose link opens the explanation, which shows what the kind is about. A row an engine is missing from is a
 * setup that engine does not fail the same way (Firefox shows a PostgreSQL server's answer as a page:
 * firefox/not-http-page.test.ts).
 */
import type { Page } from 'puppeteer-core';
import { expect } from 'vitest';
import { HEALTHY_PAGE } from '../fixtures/pages.ts';
import { axeViolations } from '../support/axe.ts';
import { ENGINES, launchDriver, type BrowserDriver, type Engine } from '../support/driver.ts';
import { POSTGRES_ERROR, startNotHttpServer } from '../support/real-servers.ts';
import { refusedWithServerNextDoor, startServer } from '../support/server.ts';
import { text } from '../support/text.ts';
import { expectShown, waitFor } from '../support/wait.ts';
import { suite, type Scenario } from './scenario.ts';

interface Setup {
  url: string;
  /** Where the server found next door answers, when there is one. */
  nextDoor?: string;
  close(): Promise<void>;
}

interface Row {
  title: string;
  setup(): Promise<Setup>;
  /** What the browser's own error page names, per engine that fails this way: the row's engines. */
  error: Partial<Record<Engine, string>>;
  /** The popup's first line about the tab. */
  diagnosis: (setup: Setup) => string;
  /** What the explanation then shows, or does. */
  then(explanation: Page, driver: BrowserDriver, setup: Setup): Promise<void>;
}

const ROWS: Row[] = [
  {
    title: 'a refused local connection, with the server found next door [kind:connection-refused]',
    setup: async () => {
      const { refused, nextDoor } = await refusedWithServerNextDoor(HEALTHY_PAGE);
      return {
        url: `http://localhost:${refused}/`,
        nextDoor: `localhost:${nextDoor.port}`,
        close: () => nextDoor.close(),
      };
    },
    error: { chromium: 'ERR_CONNECTION_REFUSED', firefox: 'connectionFailure' },
    diagnosis: ({ url }) => `Nothing is listening on port ${new URL(url).port}`,
    then: async (explanation, _driver, setup) => {
      const hint = await waitFor('the server next door', async () => {
        const shown = await text(explanation, '[data-testid="did-you-mean"]');
        return shown.includes('Did you mean') && shown;
      });
      expect(hint).toContain(setup.nextDoor);
    },
  },
  {
    title: 'a local port that is not a web server: a PostgreSQL stand-in on 5432 [kind:not-http]',
    setup: async () => {
      const postgres = await startNotHttpServer(5432, POSTGRES_ERROR);
      return { url: 'http://localhost:5432/', close: () => postgres.close() };
    },
    error: { chromium: 'ERR_INVALID_HTTP_RESPONSE' },
    diagnosis: () => 'What answers on port 5432 is not a web server',
    then: async (explanation) => {
      await expectShown(explanation, '.summary', "this is usually PostgreSQL's port");
      expect(await axeViolations(explanation)).toEqual([]);
    },
  },
  {
    title: 'https:// to a plain-HTTP server: offers http://, and opens it [kind:tls-to-http]',
    setup: async () => {
      const server = await startServer({ '/': HEALTHY_PAGE });
      return { url: `https://127.0.0.1:${server.port}/`, close: () => server.close() };
    },
    error: { chromium: 'ERR_SSL_PROTOCOL_ERROR', firefox: 'nssFailure2' },
    diagnosis: () => 'This server does not speak HTTPS',
    then: async (explanation, driver, { url }) => {
      const button = await waitFor('the http:// button', () => explanation.$('button.primary'));
      expect(await button.evaluate((element) => element.textContent)).toBe('Open with http://');
      await button.click();
      const http = url.replace('https:', 'http:');
      await waitFor('the http page', async () => (await driver.locationOf(explanation)) === http);
      expect(await text(explanation, '#app')).toBe('A healthy local page');
    },
  },
];

const scenarios = ROWS.map((row): Scenario<BrowserDriver> => ({
  title: row.title,
  engines: ENGINES.filter((engine) => row.error[engine] !== undefined),
  run: async (driver) => {
    const setup = await row.setup();
    const page = await driver.newPage();
    try {
      driver.startNavigation(page, setup.url);
      expect(await driver.errorPage(page)).toBe(row.error[driver.engine]);
      await waitFor('the failure', async () =>
        (await driver.failures()).some((failure) => failure.url === setup.url),
      );
      // Read after the error page is up: Firefox commits it after reporting the error, and that commit clears a
      // tab's badge, which Port Doctor then sets again (lib/signals/firefox.ts).
      await waitFor('the badge', async () => (await driver.badgeOf(setup.url)) === '!');
      expect(await driver.locationOf(page)).not.toContain('/explain.html');
      // The popup, in that tab, leads with the tab's diagnosis and links to the explanation.
      await driver.openExtensionPage('/popup.html', page);
      await expectShown(page, '[data-testid="tab-diagnosis"]', row.diagnosis(setup));
      await page.click('[data-testid="tab-diagnosis"] a');
      // This failure's explanation, not one another scenario left open.
      const explanation = await driver.waitForPage(`/explain.html?url=${encodeURIComponent(setup.url)}&`);
      await row.then(explanation, driver, setup);
      await explanation.close();
    } finally {
      await page.close();
      await setup.close();
    }
  },
}));

export const TAB_DIAGNOSIS = [
  suite<BrowserDriver>({
    title: 'a local failure on the browser error page, explained from the popup',
    start: (engine) => launchDriver(engine),
    stop: (driver) => driver.close(),
    scenarios,
  }),
];
