import type { Page } from 'puppeteer-core';

/** The text of `selector` as the user reads it (innerText: what CSS hides is not in it). */
export const text = (page: Page, selector: string): Promise<string> =>
  page.$eval(selector, (element) => (element as HTMLElement).innerText);
