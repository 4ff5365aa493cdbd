import type { Page } from 'puppeteer-core';
import { expect } from 'vitest';
/**
 * How often a sentinel is asked again. Each ask is one protocol round trip of a few milliseconds; every wait
 * overshoots by half of this on average, and the suite waits about a thousand times.
 */
const POLL_MS = 25;

/** Polls `probe` until it returns a truthy value or the time is up, then fails with `what`. */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined | null | false>,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (error) {
      // Pages in the middle of navigating throw; try again.
      lastError = error;
    }
    await new Promise((done) => setTimeout(done, POLL_MS));
  }
  throw new Error(`Timed out waiting for ${what}${lastError ? ` (last error: ${String(lastError)})` : ''}`);
}

/**
 * Expects the text of `selector` to contain `expected`, waiting for it first: pages paint in stages (the
 * explanation's first screen before its details, the popup's field before its answer). On timeout the
 * assertion fails with the last text the page showed.
 */
export async function expectShown(
  page: Page,
  selector: string,
  expected: string,
  timeoutMs = 10_000,
): Promise<void> {
  const read = () => page.$eval(selector, (element) => (element as HTMLElement).innerText).catch(() => '');
  const shown = await waitFor(
    `"${expected}" in ${selector}`,
    async () => {
      const text = await read();
      return text.includes(expected) && text;
    },
    timeoutMs,
  ).catch(read);
  expect(shown).toContain(expected);
}
