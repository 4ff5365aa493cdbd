/** Drives the options page as a user does: clicks, typing, Enter. Shared by both browsers' e2e tests. */
import type { Page } from 'puppeteer-core';
import { waitFor } from './wait.ts';

const visibleText = (page: Page, selector: string) =>
  page.$eval(selector, (element) => (element as HTMLElement).innerText);

export async function statusText(page: Page): Promise<string> {
  return visibleText(page, '[data-testid="status"]');
}

/** Waits until the status line says `expected` (the change is saved by then). */
export async function statusSays(page: Page, expected: string | RegExp): Promise<string> {
  return waitFor(`the status "${String(expected)}"`, async () => {
    const shown = await statusText(page);
    return (typeof expected === 'string' ? shown === expected : expected.test(shown)) && shown;
  });
}

export async function chooseReaction(page: Page, group: string, reaction: string): Promise<void> {
  await page.click(`[data-testid="${group}"] input[value="${reaction}"]`);
}

export async function checkedReaction(page: Page, group: string): Promise<string | undefined> {
  return page.$eval(
    `[data-testid="${group}"]`,
    (fieldset) => (fieldset.querySelector('input:checked') as HTMLInputElement | null)?.value,
  );
}

/** Types into a list's field and presses Enter, as a keyboard user does. */
export async function typeEntry(page: Page, list: string, text: string): Promise<void> {
  const field = `[data-testid="${list}"] input`;
  await page.click(field);
  await page.type(field, text);
  await page.keyboard.press('Enter');
}

export async function entries(page: Page, list: string): Promise<string[]> {
  return page.$$eval(`[data-testid="${list}"] .entry`, (items) =>
    items.map((item) => item.textContent ?? ''),
  );
}

export async function listError(page: Page, list: string): Promise<string> {
  return visibleText(page, `[data-testid="${list}"] .error`);
}

export async function waitForOptions(page: Page): Promise<void> {
  await waitFor('the settings', () => page.$('[data-testid="blockedNavigation"]'));
}
