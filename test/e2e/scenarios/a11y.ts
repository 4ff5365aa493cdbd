/**
 * Accessibility (axe-core: support/axe.ts) of every page Port Doctor shows, in each colour scheme and every
 * engine, and the check itself shown to find a violation.
 */
import type { Page } from 'puppeteer-core';
import { expect } from 'vitest';
import { CARD } from '../fixtures/pages.ts';
import { axeViolations } from '../support/axe.ts';
import { cardAtRest, cardElement } from '../support/card.ts';
import { ENGINES, launchDriver, type BrowserDriver, type Engine } from '../support/driver.ts';
import { typeLookup } from '../support/popup.ts';
import { startServer, type TestServer } from '../support/server.ts';
import { waitFor } from '../support/wait.ts';
import { suite, type Scenario, type Suite } from './scenario.ts';

interface Pages {
  driver: BrowserDriver;
  /** Serves `/app`, a page on which this engine shows the card. */
  server: TestServer;
}

/** How each engine names a refused connection in the explanation's address. */
const REFUSED_CODE: Record<Engine, string> = {
  chromium: 'net%3A%3AERR_CONNECTION_REFUSED',
  firefox: 'NS_ERROR_CONNECTION_REFUSED',
};

const expectClean = async (page: Page, include?: string) =>
  expect(await axeViolations(page, include)).toEqual([]);

const pagesIn = (scheme: 'light' | 'dark'): Scenario<Pages>[] => [
  {
    title: `pages follow the ${scheme} scheme`,
    engines: ENGINES,
    run: async ({ driver }) => {
      const page = await driver.openExplained('http://localhost:6000/scheme');
      expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(
        scheme === 'dark',
      );
      await page.close();
    },
  },
  {
    title: 'explanation page of a blocked port',
    engines: ENGINES,
    run: async ({ driver }) => {
      const page = await driver.openExplained('http://localhost:6000/');
      await waitFor('the suggested ports', () => page.$('[data-testid="alternatives"] .port'));
      await expectClean(page);
      await page.close();
    },
  },
  {
    title: 'explanation page of a refused connection',
    engines: ENGINES,
    run: async ({ driver }) => {
      const page = await driver.openExtensionPage(
        `/explain.html?url=http%3A%2F%2Flocalhost%3A5999%2F&code=${REFUSED_CODE[driver.engine]}`,
      );
      await expectClean(page);
      await page.close();
    },
  },
  {
    title: 'popup, with an answer shown, and with a message',
    engines: ENGINES,
    run: async ({ driver }) => {
      const page = await driver.openExtensionPage('/popup.html');
      await waitFor('the popup', () => page.$('[data-testid="lookup"]'));
      await typeLookup(page, 'localhost:6667');
      await waitFor('the answer', () => page.$('[data-testid="verdicts"] li'));
      await expectClean(page);
      await typeLookup(page, 'not a port');
      await expectClean(page);
      await page.close();
    },
  },
  {
    title: 'options page, with an inline error shown',
    engines: ENGINES,
    run: async ({ driver }) => {
      const page = await driver.openExtensionPage('/options.html');
      await waitFor('the settings', () => page.$('[data-testid="unblocked-ports"] input'));
      await page.type('[data-testid="unblocked-ports"] input', 'x');
      await page.keyboard.press('Enter');
      await waitFor('the error', () =>
        page.$eval('[data-testid="unblocked-ports"] .error', (error) => error.textContent),
      );
      await expectClean(page);
      await page.close();
    },
  },
  {
    title: 'in-page card',
    engines: ENGINES,
    run: async ({ driver, server }) => {
      const page = await driver.newPage();
      await page.goto(`${server.origin}/app`);
      await driver.exposeCard(page);
      await waitFor('the card', () => cardElement(page, '[data-testid="overlay-card"]'));
      await cardAtRest(page);
      await expectClean(page, 'port-doctor-overlay');
      await page.close();
    },
  },
];

export const A11Y: Suite[] = [
  ...(['light', 'dark'] as const).map((scheme) =>
    suite<Pages>({
      title: `accessibility (axe-core), ${scheme}`,
      start: async (engine) => ({
        server: await startServer({ '/app': CARD[engine].page }),
        driver: await launchDriver(engine, { deeperChecks: true, colorScheme: scheme }),
      }),
      stop: async ({ driver, server }) => {
        await driver.close();
        await server.close();
      },
      scenarios: pagesIn(scheme),
    }),
  ),
  suite<BrowserDriver>({
    title: 'the axe check itself',
    start: (engine) => launchDriver(engine),
    stop: (driver) => driver.close(),
    scenarios: [
      {
        title: 'reports a violation when there is one (an image without a text alternative)',
        engines: ENGINES,
        run: async (driver) => {
          const page = await driver.newPage();
          await page.setContent(
            '<!doctype html><html lang="en"><title>t</title><main><img src="x.png"></main></html>',
          );
          expect((await axeViolations(page)).join('\n')).toContain('image-alt');
          await page.close();
        },
      },
    ],
  }),
];
