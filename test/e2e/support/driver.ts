/**
 * One way to drive either browser, for the scenarios every engine runs (test/e2e/scenarios/): the same user
 * actions and the same reads, each implemented with what its protocol allows (CDP for Chromium, WebDriver BiDi
 * for Firefox, where page.url() goes stale once the extension moves a tab). Engine-only cases keep using
 * support/chromium.ts and support/firefox.ts directly, in test/e2e/<engine>/.
 */
import type { Page } from 'puppeteer-core';
import * as chromium from './chromium.ts';
import type { ExtensionGlobals } from './extension-api.ts';
import * as firefox from './firefox.ts';

export type Engine = 'chromium' | 'firefox';
export const ENGINES: readonly Engine[] = ['chromium', 'firefox'];

/** What Port Doctor keeps of a failure in a tab (storage.session `tabFailures`). */
export interface StoredFailure {
  url: string;
  kind: string;
  code: string;
  tabId: number;
}

export interface DriverOptions {
  /** Names that reach this machine, as a hosts-file entry would make them. */
  localNames?: string[];
  /** Accept the test servers' certificates, made for the run (Chromium; Firefox has no kind that opens one). */
  acceptCertificates?: boolean;
  /** The UI language (Chromium `--lang`, Firefox `intl.locale.requested`). */
  locale?: string;
}

export interface BrowserDriver {
  engine: Engine;
  /** Console errors and uncaught exceptions seen in the extension's pages (and Chromium's worker). */
  errors: string[];
  newPage(): Promise<Page>;
  /** Types `url` in a new tab (or `into`) and waits for the explanation's headline: the sentinel. */
  openExplained(url: string, into?: Page): Promise<Page>;
  /** The address a tab really shows, however it got there. */
  locationOf(page: Page): Promise<string>;
  /**
   * The colour schemes a page can be switched to while it is open (Chromium emulates either; Firefox takes its
   * scheme from a pref at launch, so its dark pages are checked in firefox/a11y.test.ts), and the switch.
   */
  colorSchemes: readonly ('light' | 'dark')[];
  useColorScheme(page: Page, scheme: 'light' | 'dark'): Promise<void>;
  /** Waits until a failure sent after everything else is handled: whatever came before is handled too. */
  settle(): Promise<void>;
  /** Stores settings as the options page does; `{}` is the defaults. */
  storeSettings(settings: Record<string, unknown>): Promise<void>;
  /** The failures Port Doctor keeps for the open tabs. */
  failures(): Promise<StoredFailure[]>;
  /** What the extension keeps under `key` in a storage area. */
  stored(area: 'local' | 'session' | 'sync', key: string): Promise<unknown>;
  close(): Promise<void>;
}

export function launchDriver(engine: Engine, options: DriverOptions = {}): Promise<BrowserDriver> {
  return engine === 'chromium' ? chromiumDriver(options) : firefoxDriver(options);
}

const flat = (stored: { tabFailures: unknown }): StoredFailure[] =>
  Object.values((stored.tabFailures ?? {}) as Record<string, StoredFailure[]>).flat();

async function chromiumDriver(options: DriverOptions): Promise<BrowserDriver> {
  const names = options.localNames ?? [];
  const session = await chromium.launchChromium({
    ...(options.locale !== undefined && { lang: options.locale }),
    args: [
      ...(options.acceptCertificates ? ['--ignore-certificate-errors'] : []),
      ...(names.length > 0
        ? [`--host-resolver-rules=${names.map((name) => `MAP ${name} 127.0.0.1`).join(', ')}`]
        : []),
    ],
  });
  const stored = async (area: 'local' | 'session' | 'sync', key: string) =>
    (
      await session.inWorker(
        (where: 'local' | 'session' | 'sync', name: string) =>
          (globalThis as unknown as ExtensionGlobals).chrome.storage[where].get(name),
        area,
        key,
      )
    )[key];
  return {
    engine: 'chromium',
    errors: session.errors,
    newPage: () => session.newPage(),
    openExplained: (url, into) => chromium.openBlocked(session, url, into),
    locationOf: async (page) => page.url(),
    colorSchemes: ['light', 'dark'],
    useColorScheme: (page, scheme) =>
      page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]),
    settle: () => chromium.settle(session),
    storeSettings: (settings) => chromium.storeSettings(session, settings),
    failures: async () => flat({ tabFailures: await stored('session', 'tabFailures') }),
    stored,
    close: () => session.close(),
  };
}

async function firefoxDriver(options: DriverOptions): Promise<BrowserDriver> {
  const names = options.localNames ?? [];
  const session = await firefox.launchFirefox({
    ...(options.locale !== undefined && { locale: options.locale }),
    prefs: names.length > 0 ? { 'network.dns.localDomains': names.join(',') } : {},
  });
  const stored = async (area: 'local' | 'session' | 'sync', key: string) =>
    (
      await (
        await firefox.controlPage(session)
      ).evaluate(
        (where: 'local' | 'session' | 'sync', name: string) =>
          (globalThis as unknown as ExtensionGlobals).browser.storage[where].get(name),
        area,
        key,
      )
    )[key];
  return {
    engine: 'firefox',
    errors: session.errors,
    newPage: () => session.newPage(),
    openExplained: (url, into) => firefox.openBlocked(session, url, into),
    locationOf: (page) => firefox.locationOf(page),
    colorSchemes: ['light'],
    useColorScheme: async (page, scheme) => {
      if (scheme !== 'light') throw new Error('Firefox takes its colour scheme from a pref at launch');
    },
    settle: () => firefox.settle(session),
    storeSettings: async (settings) => firefox.storeSettings(await firefox.controlPage(session), settings),
    failures: async () => flat({ tabFailures: await stored('session', 'tabFailures') }),
    stored,
    close: () => session.close(),
  };
}
