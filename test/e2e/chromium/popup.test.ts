import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, REFUSED, type ChromiumSession } from '../support/chromium';
import { COUCHDB, EXPECTED_MESSAGES, EXPECTED_VERDICTS, typeLookup, verdicts } from '../support/popup';
import { expectShown, waitFor } from '../support/wait';

const text = (page: Page, selector: string) =>
  page.$eval(selector, (element) => (element as HTMLElement).innerText);

describe('Chromium: the popup', () => {
  let session: ChromiumSession;
  let page: Page;

  beforeAll(async () => {
    session = await launchChromium();
    page = await session.newPage();
    await page.goto(session.extensionUrl('/popup.html'));
    await waitFor('the lookup field', () => page.$('[data-testid="lookup"]'));
  });

  afterAll(async () => {
    await session?.close();
  });

  it('focuses the lookup field on open', async () => {
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('lookup');
  });

  it('says CouchDB (5984) answers over HTTP', async () => {
    await typeLookup(page, COUCHDB.input);
    await expectShown(page, '[data-testid="answer"]', COUCHDB.says);
    expect(await text(page, '[data-testid="answer"]')).not.toContain(COUCHDB.never);
  });

  it.each(EXPECTED_VERDICTS)(
    'gives the verdict per engine for %s, this browser first',
    async (input, expected) => {
      await typeLookup(page, input);
      await waitFor('the verdicts', () => page.$('[data-testid="verdicts"] li'));
      expect(await verdicts(page)).toEqual(expected);
      expect(
        await page.$eval('[data-testid="verdicts"] li', (item) => item.getAttribute('data-engine')),
      ).toBe('chromium');
      expect(await text(page, '[data-testid="alternatives"]')).toMatch(/\d{4,5}/);
    },
  );

  it('shows each safe port as one chip that copies it, named for screen readers', async () => {
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
  });

  it('names the service, from the IANA names once they have loaded', async () => {
    await typeLookup(page, '27017');
    await waitFor('the IANA name', async () =>
      (await text(page, '[data-testid="service"]')).includes('mongodb'),
    );
    expect(await text(page, '[data-testid="answer"]')).toContain('MongoDB listens here');
  });

  it.each(
    EXPECTED_MESSAGES.map(([input, message]) => [
      input.length > 20 ? `${input.length} characters` : input,
      input,
      message,
    ]),
  )('answers %s with a message, and stays usable', async (_label, input, message) => {
    await typeLookup(page, input);
    expect(await text(page, '[data-testid="lookup-error"]')).toBe(message);
    await typeLookup(page, '6000');
    expect((await verdicts(page)).chromium).toBe(true);
  });

  it('works from the keyboard: typing answers, Escape clears', async () => {
    await typeLookup(page, '');
    await page.focus('[data-testid="lookup"]');
    await page.keyboard.type('6697');
    expect(await text(page, '[data-testid="port-title"]')).toBe('Port 6697');
    await page.keyboard.press('Escape');
    expect(await page.$eval('[data-testid="lookup"]', (field) => (field as HTMLInputElement).value)).toBe('');
    expect(await page.$('[data-testid="verdicts"]')).toBeNull();
  });

  it('lists recent failures, each one click from its explanation, and clears them', async () => {
    const tab = await session.newPage();
    await expect(tab.goto('http://localhost:6665/history')).rejects.toThrow(REFUSED);
    await waitFor('the explanation page', async () => tab.url().includes('/explain.html?'));
    await tab.close();
    await page.reload();
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
    await page.reload();
    await waitFor('the history', () => page.$('[data-testid="history"]'));
    expect(await page.$('[data-testid="history"] li')).toBeNull();
  });
});
