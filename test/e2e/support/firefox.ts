/**
 * Real Firefox with the production build installed as a temporary add-on, driven by puppeteer-core over
 * WebDriver BiDi. Gotchas: page.url() goes stale after the extension
 * navigates a tab, so read location.href; and use a fresh page per scenario.
 */
import { randomUUID } from 'node:crypto';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { firefoxPath } from './browsers.ts';
import { builtExtension } from './build.ts';
import { fileStamp, profileCopy } from './profiles.ts';
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

/** How every session starts Firefox (a missing Firefox fails here, with the install hint). */
const base = () =>
  ({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath: firefoxPath(),
    headless: true,
  }) as const;

export async function launchFirefox(options: FirefoxOptions = {}): Promise<FirefoxSession> {
  // A known internal UUID lets tests build moz-extension:// URLs.
  const uuid = randomUUID();
  // A copy of a profile Firefox has started in once, without the extension (profiles.ts), unless the test
  // brings its own.
  const copy =
    options.userDataDir === undefined
      ? await profileCopy('firefox', [fileStamp(firefoxPath())], async (dir) => {
          const first = await puppeteer.launch({ ...base(), userDataDir: dir });
          await first.close();
        })
      : undefined;
  const browser = await puppeteer.launch({
    ...base(),
    userDataDir: options.userDataDir ?? copy!.dir,
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
    close: () => browser.close().finally(() => copy?.remove()),
  };
}

/** The page's real address (Puppeteer's page.url() is stale after tabs.update in Firefox). */
export function locationOf(page: Page): Promise<string> {
  return page.evaluate(() => location.href);
}

/**
 * Starts a navigation the extension is expected to interrupt, without waiting on it: BiDi's answer to a
 * navigation the extension moves elsewhere is unreliable (Firefox's own error, "a new navigation interrupted",
 * or nothing until the timeout: seen under CPU load). Callers wait on a sentinel instead; the navigation's
 * promise is settled when the page closes.
 */
export function startNavigation(page: Page, url: string): void {
  void page.goto(url, { timeout: 0 }).catch(() => undefined);
}

/** How long a sentinel may take on two busy cores (a navigation took over 15 s there once). */
export const SENTINEL_MS = 30_000;

/**
 * Types `url` into a fresh tab and waits for Port Doctor's explanation page. What Firefox reports for its own
 * navigation is not waited for (startNavigation); the sentinel is the tab's real location (page.url() is stale
 * after the extension moves the tab) becoming the explanation.
 */
export async function openBlocked(session: FirefoxSession, url: string, into?: Page): Promise<Page> {
  const page = into ?? (await session.newPage());
  startNavigation(page, url);
  await waitFor(
    'the explanation page',
    async () => (await locationOf(page)).startsWith(session.extensionUrl('/explain.html?')),
    SENTINEL_MS,
  );
  await waitFor('the headline', () => page.$eval('h1', (h1) => h1.textContent?.trim()));
  return page;
}

/**
 * What Firefox itself reported for the page's navigation: its error page's address says why it refused
 * (`about:neterror?e=deniedPortAccess&…`); '' while no error page is shown. Waits for that page, a sentinel,
 * where a test is about Firefox's own refusal.
 */
export function firefoxError(page: Page): Promise<string> {
  return waitFor(
    "Firefox's error page",
    async () => /^about:neterror\?e=([^&]+)/.exec(await page.evaluate(() => document.documentURI))?.[1],
    SENTINEL_MS,
  );
}

/** BiDi may not navigate to moz-extension:// pages, but an extension page may navigate itself. */
export async function goInside(page: Page, session: FirefoxSession, path: string): Promise<void> {
  const target = session.extensionUrl(path);
  await page.evaluate((href) => void (location.href = href), target);
  await waitFor(`${path} to load`, async () => (await locationOf(page)) === target && (await page.$('h1')));
}

const controls = new WeakMap<FirefoxSession, Promise<Page>>();

/** The failure the control page is the explanation of: the tests' machinery, not theirs. */
export const CONTROL_URL = 'http://localhost:6665/control';

/** An extension page kept open in its own tab, from which tests use the extension's APIs. */
export function controlPage(session: FirefoxSession): Promise<Page> {
  let control = controls.get(session);
  if (!control) {
    control = openBlocked(session, CONTROL_URL);
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
  startNavigation(page, url);
  await waitFor(
    `the sentinel failure ${url} to be handled`,
    () =>
      control.evaluate(async (target: string) => {
        const scope = globalThis as unknown as {
          browser: { storage: { session: { get(key: string): Promise<Record<string, unknown>> } } };
        };
        const { tabFailures } = await scope.browser.storage.session.get('tabFailures');
        return Object.values((tabFailures ?? {}) as Record<string, { url: string }[]>)
          .flat()
          .some((failure) => failure.url === target);
      }, url),
    SENTINEL_MS,
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
