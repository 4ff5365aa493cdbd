import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { goInside, launchFirefox, openBlocked, type FirefoxSession } from '../support/firefox';
import { COUCHDB, EXPECTED_MESSAGES, EXPECTED_VERDICTS, typeLookup, verdicts } from '../support/popup';
import { expectShown, waitFor } from '../support/wait';

const text = (page: Page, selector: string) =>
  page.$eval(selector, (element) => (element as HTMLElement).innerText);

describe('Firefox: the popup', () => {
  let session: FirefoxSession;
  let page: Page;

  beforeAll(async () => {
    session = await launchFirefox();
    // BiDi cannot open moz-extension:// pages; the explanation of a blocked port is the way in.
    page = await openBlocked(session, 'http://localhost:6666/');
    await goInside(page, session, '/popup.html');
    await waitFor('the lookup field', () => page.$('[data-testid="lookup"]'));
  });

  afterAll(async () => {
    await session?.close();
  });

  it('leads with the tab diagnosis, focuses the lookup field, and says what Firefox cannot see', async () => {
    await expectShown(page, '[data-testid="tab-diagnosis"]', 'Your browser blocked port 6666');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('lookup');
    await expectShown(
      page,
      'main',
      "Firefox tells extensions nothing when a page's own request hits a blocked port",
    );
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
      ).toBe('firefox');
    },
  );

  it.each(
    EXPECTED_MESSAGES.map(([input, message]) => [
      input.length > 20 ? `${input.length} characters` : input,
      input,
      message,
    ]),
  )('answers %s with a message, and stays usable', async (_label, input, message) => {
    await typeLookup(page, input);
    expect(await text(page, '[data-testid="lookup-error"]')).toBe(message);
    await typeLookup(page, '4190');
    expect((await verdicts(page)).firefox).toBe(true);
  });

  it('lists the failure it explained in the recent history', async () => {
    await expectShown(page, '[data-testid="history"]', 'localhost:6666');
  });
});
