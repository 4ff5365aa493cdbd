/**
 * Real Firefox with the production build installed as a temporary add-on, driven by puppeteer-core over
 * WebDriver BiDi. Gotchas (../shared/reference/e2e-notes.md §5): page.url() goes stale after the extension
 * navigates a tab, so read location.href; and use a fresh page per scenario.
 */
import { randomUUID } from 'node:crypto';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { firefoxPath } from './browsers.ts';
import { builtExtension } from './build.ts';

export const GECKO_ID = 'port-doctor@port-doctor.dev';

export interface FirefoxSession {
  browser: Browser;
  uuid: string;
  errors: string[];
  extensionUrl(path: string): string;
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

export interface FirefoxOptions {
  locale?: string;
  prefs?: Record<string, string | number | boolean>;
}

export async function launchFirefox(options: FirefoxOptions = {}): Promise<FirefoxSession> {
  // A known internal UUID lets tests build moz-extension:// URLs.
  const uuid = randomUUID();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath: firefoxPath(),
    headless: true,
    extraPrefsFirefox: {
      'intl.locale.requested': options.locale ?? 'en-US',
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }),
      ...options.prefs,
    },
  });
  await browser.installExtension(builtExtension('firefox-mv3'));
  const errors: string[] = [];
  return {
    browser,
    uuid,
    errors,
    extensionUrl: (path) => `moz-extension://${uuid}/${path.replace(/^\//, '')}`,
    async newPage() {
      const page = await browser.newPage();
      page.on('pageerror', (error) => errors.push(`page: ${String(error)}`));
      return page;
    },
    close: () => browser.close(),
  };
}

/** The page's real address (Puppeteer's page.url() is stale after tabs.update in Firefox). */
export function locationOf(page: Page): Promise<string> {
  return page.evaluate(() => location.href);
}
