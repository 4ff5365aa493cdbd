import type { Page } from 'puppeteer-core';

/** Puts `text` into the popup's lookup field as a paste would, and lets the answer render. */
export async function typeLookup(page: Page, text: string): Promise<void> {
  await page.$eval(
    '[data-testid="lookup"]',
    (field, value) => {
      const input = field as HTMLInputElement;
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    },
    text,
  );
}

/** Which engines the popup says block the looked-up port. */
export async function verdicts(page: Page): Promise<Record<string, boolean>> {
  return page.$$eval('[data-testid="verdicts"] li', (items) =>
    Object.fromEntries(
      items.map((item) => [item.getAttribute('data-engine'), item.getAttribute('data-blocked') === 'true']),
    ),
  );
}

export const EXPECTED_VERDICTS: [string, Record<string, boolean>][] = [
  ['6000', { chromium: true, firefox: true, webkit: true, fetch: true, node: true }],
  ['localhost:6667', { chromium: true, firefox: true, webkit: true, fetch: true, node: true }],
  ['[::1]:10080', { chromium: true, firefox: true, webkit: true, fetch: true, node: true }],
  ['http://localhost:4190', { chromium: false, firefox: true, webkit: true, fetch: true, node: true }],
];

export const EXPECTED_MESSAGES: [string, string][] = [
  ['99999', 'Ports go from 0 to 65535.'],
  ['abc', 'Add a port, for example localhost:3000.'],
  ['x'.repeat(5000), 'That is too long to be a port or an address.'],
];

/**
 * 5984 (CouchDB) speaks HTTP (apache/couchdb share/doc/src/intro.rst): the popup says so, and not that a
 * browser cannot open it.
 */
export const COUCHDB = {
  input: '5984',
  says: 'CouchDB listens here and answers over HTTP',
  never: 'cannot open it',
};
