import type { Page } from 'puppeteer-core';
import { expect } from 'vitest';
import { waitFor } from './wait.ts';

/** A 1280×800 laptop screen (issue #17): what the explanation must show before any scrolling. */
export const LAPTOP = { width: 1280, height: 800 };

/** Where each element is, measured by the browser: fully inside the window without scrolling, or not. */
export async function offScreen(page: Page, selectors: readonly string[]): Promise<string[]> {
  return page.evaluate((wanted: string[]) => {
    const out: string[] = [];
    for (const selector of wanted) {
      const element = document.querySelector(selector);
      const box = element?.getBoundingClientRect();
      if (!box || box.width === 0 || box.height === 0) out.push(`${selector}: not shown`);
      else if (box.top < 0 || box.bottom > innerHeight || scrollY !== 0)
        out.push(
          `${selector}: from ${Math.round(box.top)} to ${Math.round(box.bottom)} px, window ${innerHeight} px`,
        );
    }
    return out;
  }, selectors as string[]);
}

/**
 * The fix of a blocked port on the first screen: the recommended port, its state as checked on this machine and
 * the move command (the first line, with its Copy button). Returns the recommended port and its state's text.
 */
export async function expectFixOnFirstScreen(page: Page): Promise<{ port: number; state: string }> {
  // The probes have answered: the recommendation is final.
  const chosen = await waitFor('the recommended port, checked', () =>
    page.$eval('[data-testid="alternatives"] li.chosen', (row) => {
      const state = row.querySelector('.state');
      return state && !state.classList.contains('probing')
        ? { port: Number(row.querySelector('.port')?.textContent), state: state.textContent?.trim() ?? '' }
        : undefined;
    }),
  );
  expect(page.viewport()).toMatchObject(LAPTOP);
  // The primary action names the recommended port (issue #17: "Use port 6001"), and takes the focus to the move.
  await waitFor('"Use port" naming the recommended port', async () =>
    (await page.$eval('[data-testid="use-port"]', (button) => button.textContent ?? '')).includes(
      String(chosen.port),
    ),
  );
  expect(await page.$eval('[data-testid="use-port"]', (button) => button.classList.contains('primary'))).toBe(
    true,
  );
  expect(
    await offScreen(page, [
      'h1',
      '[data-testid="use-port"]',
      '.summary',
      '[data-testid="alternatives"] li.chosen .port',
      '[data-testid="alternatives"] li.chosen .state',
      '[data-testid="move-title"]',
      '[data-testid="move-commands"] pre',
      '[data-testid="move-commands"] button',
    ]),
  ).toEqual([]);
  await page.click('[data-testid="use-port"]');
  await waitFor('the focus on the move section', () =>
    page.evaluate(() => document.activeElement?.id === 'move'),
  );
  return chosen;
}

/** The explanation of a refused port: the server found on the port next door, with its button, on the first screen. */
export async function expectNextDoorOnFirstScreen(page: Page, nextDoor: number): Promise<void> {
  await page.setViewport(LAPTOP);
  await waitFor('the server next door', async () =>
    (await page.$eval('[data-testid="did-you-mean"]', (p) => p.textContent ?? '')).includes(
      `localhost:${nextDoor}`,
    ),
  );
  expect(await offScreen(page, ['h1', '.summary', '[data-testid="did-you-mean"] button'])).toEqual([]);
}
