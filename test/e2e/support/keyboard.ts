/** Keyboard paths: where the focus is (through shadow roots), and pressing Tab until it gets somewhere. */
import type { Page } from 'puppeteer-core';

/** The focused element, described as `tag[name] "its text or label"`, looking inside shadow roots. */
export function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    let element: Element | null = document.activeElement;
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
    if (!element) return '';
    const text = element.getAttribute('aria-label') ?? (element as HTMLElement).innerText ?? '';
    const name = element.getAttribute('name');
    return `${element.tagName.toLowerCase()}${name ? `[${name}]` : ''} "${text.trim()}"`;
  });
}

/** Presses Tab (Shift+Tab backwards) until the focus matches, at most `limit` times; returns the focus. */
export async function tabTo(
  page: Page,
  wanted: RegExp,
  { backwards = false, limit = 40 } = {},
): Promise<string> {
  for (let press = 0; press < limit; press++) {
    if (backwards) await page.keyboard.down('Shift');
    await page.keyboard.press('Tab');
    if (backwards) await page.keyboard.up('Shift');
    const now = await focused(page);
    if (wanted.test(now)) return now;
  }
  throw new Error(`Tab never reached ${String(wanted)} (last: ${await focused(page)})`);
}
