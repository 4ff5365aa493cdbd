/**
 * The popup, in every engine: the lookup (verdicts per engine, services, safe ports, messages for what is not a
 * port), the keyboard, the recent failures, and the diagnosis of the tab it is opened in.
 */
import type { Page } from 'puppeteer-core';
import { expect } from 'vitest';
import { ENGINES, launchDriver, type BrowserDriver, type Engine } from '../support/driver.ts';
import { COUCHDB, EXPECTED_MESSAGES, EXPECTED_VERDICTS, typeLookup, verdicts } from '../support/popup.ts';
import { reload } from '../support/reload.ts';
import { text } from '../support/text.ts';
import { expectShown, waitFor } from '../support/wait.ts';
import { suite, type Scenario } from './scenario.ts';

interface Popup {
  driver: BrowserDriver;
  /** The popup, opened in a tab of its own, shared by the scenarios in order. */
  page: Page;
}

/** A port this browser blocks, typed after a message (Firefox: one Chrome does not, so the verdict is its own). */
const BLOCKED_HERE: Record<Engine, string> = { chromium: '6000', firefox: '4190' };

const scenarios: Scenario<Popup>[] = [
  {
    title: 'focuses the lookup field on open',
    engines: ENGINES,
    run: async ({ page }) => {
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('lookup');
    },
  },
  {
    title: 'says CouchDB (5984) answers over HTTP',
    engines: ENGINES,
    run: async ({ page }) => {
      await typeLookup(page, COUCHDB.input);
      await expectShown(page, '[data-testid="answer"]', COUCHDB.says);
      expect(await text(page, '[data-testid="answer"]')).not.toContain(COUCHDB.never);
    },
  },
  ...EXPECTED_VERDICTS.map(([input, expected]): Scenario<Popup> => ({
    title: `gives the verdict per engine for ${input}, this browser first`,
    engines: ENGINES,
    run: async ({ driver, page }) => {
      await typeLookup(page, input);
      await waitFor('the verdicts', () => page.$('[data-testid="verdicts"] li'));
      expect(await verdicts(page)).toEqual(expected);
      expect(
        await page.$eval('[data-testid="verdicts"] li', (item) => item.getAttribute('data-engine')),
      ).toBe(driver.engine);
      expect(await text(page, '[data-testid="alternatives"]')).toMatch(/\d{4,5}/);
    },
  })),
  {
    title: 'shows each safe port as one chip that copies it, named for screen readers',
    engines: ENGINES,
    run: async ({ page }) => {
      await typeLookup(page, '6000');
      const chips = await waitFor('the chips', async () => {
        const found = await page.$$eval('[data-testid="alternatives"] li', (items) =>
          items.map((item) => ({
            buttons: item.querySelectorAll('button').length,
            label: item.querySelector('button')?.getAttribute('aria-label'),
            text: item.textContent?.replace(/\s+/g, ' ').trim(),
            icon: item.querySelector('button svg[aria-hidden="true"]') !== null,
          })),
        );
        return found.length > 0 && found;
      });
      for (const chip of chips) {
        expect(chip.buttons).toBe(1);
        expect(chip.label).toMatch(/^Copy: \d{4,5}$/);
        expect(chip.text).toMatch(/^\d{4,5}$/);
        expect(chip.icon).toBe(true);
      }
    },
  },
  {
    title: 'names the service, from the IANA names once they have loaded',
    engines: ENGINES,
    run: async ({ page }) => {
      await typeLookup(page, '27017');
      await waitFor('the IANA name', async () =>
        (await text(page, '[data-testid="service"]')).includes('mongodb'),
      );
      expect(await text(page, '[data-testid="answer"]')).toContain('MongoDB listens here');
    },
  },
  ...EXPECTED_MESSAGES.map(([input, message]): Scenario<Popup> => ({
    title: `answers ${input.length > 20 ? `${input.length} characters` : input} with a message, and stays usable`,
    engines: ENGINES,
    run: async ({ driver, page }) => {
      await typeLookup(page, input);
      expect(await text(page, '[data-testid="lookup-error"]')).toBe(message);
      await typeLookup(page, BLOCKED_HERE[driver.engine]);
      expect((await verdicts(page))[driver.engine]).toBe(true);
    },
  })),
  {
    title: 'works from the keyboard: typing answers, Escape clears',
    engines: ENGINES,
    run: async ({ page }) => {
      await typeLookup(page, '');
      await page.focus('[data-testid="lookup"]');
      await page.keyboard.type('6697');
      expect(await text(page, '[data-testid="port-title"]')).toBe('Port 6697');
      await page.keyboard.press('Escape');
      expect(await page.$eval('[data-testid="lookup"]', (field) => (field as HTMLInputElement).value)).toBe(
        '',
      );
      expect(await page.$('[data-testid="verdicts"]')).toBeNull();
    },
  },
  {
    title: 'lists recent failures, each one click from its explanation, and clears them',
    engines: ENGINES,
    run: async ({ driver, page }) => {
      const tab = await driver.newPage();
      await driver.navigateFailing(tab, 'http://localhost:6665/history');
      await driver.explained(tab, '6665%2Fhistory');
      await tab.close();
      await reload(page);
      const entry = await waitFor('the history entry', () => page.$('[data-testid="history"] li'));
      expect(await entry.evaluate((item) => item.textContent)).toContain('localhost:6665/history');
      // The host and port are never cut (the path may be), and the date has no two-digit year.
      const shown = await entry.evaluate((item) => {
        const where = item.querySelector('.where') as HTMLElement;
        return {
          where: where.textContent,
          whole: where.scrollWidth <= where.clientWidth,
          time: item.querySelector('time')?.textContent ?? '',
        };
      });
      expect(shown).toMatchObject({ where: 'localhost:6665', whole: true });
      expect(shown.time).not.toMatch(/\d{1,2}\/\d{1,2}\/\d{2}\b/);
      const link = await entry.$eval('a', (anchor) => anchor.getAttribute('href'));
      expect(link).toContain('/explain.html?url=http%3A%2F%2Flocalhost%3A6665%2Fhistory');
      await page.click('[data-testid="clear-history"]');
      expect(await text(page, '[data-testid="history"]')).toContain('No failures yet.');
      await reload(page);
      await waitFor('the history', () => page.$('[data-testid="history"]'));
      expect(await page.$('[data-testid="history"] li')).toBeNull();
    },
  },
  {
    title: 'opened in the tab that failed, it leads with that failure',
    engines: ENGINES,
    run: async ({ driver }) => {
      const tab = await driver.openExplained('http://localhost:6666/');
      await driver.openExtensionPage('/popup.html', tab);
      await expectShown(tab, '[data-testid="tab-diagnosis"]', 'Your browser blocked port 6666');
      await tab.close();
    },
  },
];

export const POPUP = [
  suite<Popup>({
    title: 'the popup',
    start: async (engine) => {
      const driver = await launchDriver(engine);
      const page = await driver.openExtensionPage('/popup.html');
      await waitFor('the lookup field', () => page.$('[data-testid="lookup"]'));
      return { driver, page };
    },
    stop: ({ driver }) => driver.close(),
    scenarios,
  }),
];
