/**
 * Reloads a page as its user does, from inside it: BiDi may not reload a moz-extension:// page, and a navigation
 * while Puppeteer waits for an evaluation's answer destroys the context it waits in, so the reload is scheduled
 * after the evaluation returns. The sentinel is the new document's time origin, then its headline.
 */
import type { Page } from 'puppeteer-core';
import { waitFor } from './wait.ts';

export async function reload(page: Page): Promise<void> {
  const loadedAt = await page.evaluate(() => performance.timeOrigin);
  await page.evaluate(() => void setTimeout(() => location.reload()));
  await waitFor('the reload', async () => (await page.evaluate(() => performance.timeOrigin)) !== loadedAt);
  await waitFor('the headline again', () => page.$('h1'));
}
