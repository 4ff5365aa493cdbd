/**
 * Real Firefox with the production build installed as a temporary add-on, driven by puppeteer-core over
 * WebDriver BiDi. Gotchas: page.url() goes stale after the extension
 * navigates a tab, so read location.href; and use a fresh page per scenario.
 */
import { randomUUID } from 'node:crypto';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { firefoxPath } from './browsers.ts';
import { builtExtension } from './build.ts';
import { waitFor } from './wait.ts';

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
  /** An unpacked extension other than the production build (the zipped package, unpacked). */
  extensionDir?: string;
  prefs?: Record<string, string | number | boolean>;
  /** A profile folder to start with (kept after close); a fresh one otherwise. */
  userDataDir?: string;
}

export async function launchFirefox(options: FirefoxOptions = {}): Promise<FirefoxSession> {
  // A known internal UUID lets tests build moz-extension:// URLs.
  const uuid = randomUUID();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath: firefoxPath(),
    headless: true,
    ...(options.userDataDir !== undefined && { userDataDir: options.userDataDir }),
    extraPrefsFirefox: {
      'intl.locale.requested': options.locale ?? 'en-US',
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }),
      ...options.prefs,
    },
  });
  await browser.installExtension(options.extensionDir ?? builtExtension('firefox-mv3'));
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

/**
 * Types `url` into a fresh tab and waits for Port Doctor's explanation page. Firefox's own navigation fails
 * (deniedPortAccess for a blocked port); the page is then moved by the extension, which Puppeteer does not
 * notice, so the page's own location is polled.
 */
export async function openBlocked(
  session: FirefoxSession,
  url: string,
  firefoxSays = /deniedPortAccess/,
): Promise<Page> {
  const page = await session.newPage();
  // Where a timeout is an accepted outcome (the extension moved the tab before Firefox reported its error, which
  // BiDi then never reports), 5 s is enough. Otherwise 15 s: on two busy cores Firefox once took over 5 s to
  // report a refused port (Firefox a11y, light card).
  const timeout = firefoxSays.test('timeout') ? 5000 : 15_000;
  const outcome = await page.goto(url, { timeout }).then(
    () => 'loaded',
    // The extension moving the tab while BiDi still waits on Firefox's navigation ends it the same way as a
    // timeout does ("A new navigation interrupted an unfinished navigation"): the tab was moved, as a timeout says.
    (error: unknown) =>
      String(error).replace(/.*A new navigation interrupted an unfinished navigation.*/s, 'timeout'),
  );
  if (!firefoxSays.test(outcome))
    throw new Error(`${url}: expected Firefox to fail with ${firefoxSays}, got ${outcome}`);
  await waitFor('the explanation page', async () =>
    (await locationOf(page)).startsWith(session.extensionUrl('/explain.html?')),
  );
  await waitFor('the headline', () => page.$eval('h1', (h1) => h1.textContent?.trim()));
  return page;
}

/** BiDi may not navigate to moz-extension:// pages, but an extension page may navigate itself. */
export async function goInside(page: Page, session: FirefoxSession, path: string): Promise<void> {
  const target = session.extensionUrl(path);
  await page.evaluate((href) => void (location.href = href), target);
  await waitFor(`${path} to load`, async () => (await locationOf(page)) === target && (await page.$('h1')));
}

const controls = new WeakMap<FirefoxSession, Promise<Page>>();

/** An extension page kept open in its own tab, from which tests use the extension's APIs. */
export function controlPage(session: FirefoxSession): Promise<Page> {
  let control = controls.get(session);
  if (!control) {
    // Firefox may never report its own refusal once the extension has moved the tab (openBlocked): the control
    // page only needs the explanation to arrive.
    control = openBlocked(session, 'http://localhost:6665/control', /deniedPortAccess|timeout/);
    controls.set(session, control);
  }
  return control;
}

let settleCount = 0;

/**
 * Waits until the extension has handled everything that happened before this call: a blocked-port
 * failure in a tab of its own must reach the tab state (events are handled in order). A test then asserts
 * that something did not happen, without guessing a time.
 */
export async function settle(session: FirefoxSession, extensionPage?: Page): Promise<void> {
  // Any page of the extension will do; the control page is made through an explanation, which a test
  // that turned explanations off must not rely on.
  const control = extensionPage ?? (await controlPage(session));
  const url = `http://localhost:10080/settle-${++settleCount}`;
  const page = await session.browser.newPage();
  await page.goto(url, { timeout: 5000 }).catch(() => undefined);
  await waitFor(`the sentinel failure ${url} to be handled`, () =>
    control.evaluate(async (target: string) => {
      const scope = globalThis as unknown as {
        browser: { storage: { session: { get(key: string): Promise<Record<string, unknown>> } } };
      };
      const { tabFailures } = await scope.browser.storage.session.get('tabFailures');
      return Object.values((tabFailures ?? {}) as Record<string, { url: string }[]>)
        .flat()
        .some((failure) => failure.url === target);
    }, url),
  );
  await page.close();
}

/**
 * Stores settings as the extension does, from one of its pages: in storage.sync and its local copy (sync is read
 * first, so a value written to local alone loses to any earlier save).
 */
export async function storeSettings(extensionPage: Page, settings: Record<string, unknown>): Promise<void> {
  await extensionPage.evaluate(async (value: Record<string, unknown>) => {
    const { browser } = globalThis as unknown as {
      browser: { storage: Record<'sync' | 'local', { set(items: Record<string, unknown>): Promise<void> }> };
    };
    await Promise.all([
      browser.storage.sync.set({ settings: value }),
      browser.storage.local.set({ settings: value }),
    ]);
  }, settings);
}
