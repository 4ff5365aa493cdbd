/**
 * One way to drive either browser, for the scenarios every engine runs (test/e2e/scenarios/): the same user
 * actions and the same reads, each implemented with what its protocol allows (CDP for Chromium,
 * driver-chromium.ts; WebDriver BiDi for Firefox, where page.url() goes stale once the extension moves a tab and
 * moz-extension:// pages are opened through the extension itself, driver-firefox.ts). Engine-only cases keep
 * using support/chromium.ts and support/firefox.ts directly, in test/e2e/<engine>/.
 */
import type { Page } from 'puppeteer-core';
import { chromiumDriver } from './driver-chromium.ts';
import { firefoxDriver } from './driver-firefox.ts';

export type Engine = 'chromium' | 'firefox';
export const ENGINES: readonly Engine[] = ['chromium', 'firefox'];

/** What Port Doctor keeps of a failure in a tab (storage.session `tabFailures`). */
export interface StoredFailure {
  url: string;
  kind: string;
  code: string;
  tabId: number;
  count?: number;
}

export interface DriverOptions {
  /** Names that reach this machine, as a hosts-file entry would make them. */
  localNames?: string[];
  /** Accept the test servers' certificates, made for the run (Chromium; Firefox has no kind that opens one). */
  acceptCertificates?: boolean;
  /** The UI language (Chromium `--lang`, Firefox `intl.locale.requested`). */
  locale?: string;
  /**
   * Chromium's deeper checks (the optional `webRequest`) turned on as a user does, which its card for a page's
   * own requests needs; Firefox has no such permission to ask for (it reports only frames).
   */
  deeperChecks?: boolean;
  /** An unpacked extension other than the production build (a store package, unpacked). */
  extensionDir?: string;
  /** A profile folder, kept after close: the browser's history is read from it (historyAfterClose). */
  userDataDir?: string;
  /** Ports the user re-allowed in the browser (`--explicitly-allowed-ports`, `network.security.ports.banned.override`). */
  allowedPorts?: number[];
  /**
   * The colour scheme every page shows: Chromium emulates it in each page the driver opens; Firefox takes it
   * from a pref at launch, for every page.
   */
  colorScheme?: 'light' | 'dark';
  /**
   * Firefox suspends an idle event page after 1 s instead of 30 s, so that stopBackground waits a second, not
   * half a minute (Chromium stops its worker on demand).
   */
  quickIdle?: boolean;
}

/** What a burst left in each tab. */
export interface BurstTab {
  /** The last URL the tab was sent to. */
  last: string;
  /** The address the tab shows now. */
  address(): Promise<string>;
}

export interface BrowserDriver {
  engine: Engine;
  /** Console errors and uncaught exceptions seen in the extension's pages (and Chromium's worker). */
  errors: string[];
  newPage(): Promise<Page>;
  /** `moz-extension://…` or `chrome-extension://…`: the address of one of the extension's pages. */
  extensionUrl(path: string): string;
  /** Types `url` in a new tab (or `into`) and waits for the explanation's headline: the sentinel. */
  openExplained(url: string, into?: Page): Promise<Page>;
  /** Waits until the tab shows an explanation (whose address contains `part`, if given) and its headline. */
  explained(page: Page, part?: string): Promise<void>;
  /** Types `url` into the tab without waiting for the browser's answer: the test waits for what follows. */
  startNavigation(page: Page, url: string): void;
  /**
   * Types a URL the browser fails to load. Chromium's navigation must fail with `error` (by default as a blocked
   * port does: ERR_UNSAFE_PORT, or ERR_ABORTED when Port Doctor took the tab as it started); Firefox's answer is
   * not waited for (BiDi's is unreliable once the extension moves the tab): its refusal is its error page
   * (errorPage), where one stays.
   */
  navigateFailing(page: Page, url: string, error?: RegExp): Promise<void>;
  /** Waits for the browser's own error page in the tab and returns the error it names. */
  errorPage(page: Page): Promise<string>;
  /**
   * Opens one of the extension's pages in a new tab, or in `into` (the popup opened in the tab it is about), in
   * front, and waits for its headline.
   */
  openExtensionPage(path: string, into?: Page): Promise<Page>;
  /** Waits for a tab, the test's or one the extension opened, whose address contains `part`. */
  waitForPage(part: string): Promise<Page>;
  /** The address a tab really shows, however it got there. */
  locationOf(page: Page): Promise<string>;
  /**
   * The colour schemes a page can be switched to while it is open (Chromium emulates either; Firefox takes its
   * scheme from a pref at launch: DriverOptions.colorScheme), and the switch.
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
  /**
   * Runs `fn` where the extension's APIs are (Chromium's worker, an extension page of Firefox's) and returns its
   * JSON result: its source is sent, so it reads `globalThis.browser` (ExtensionGlobals) and its arguments.
   */
  inExtension<T, A extends unknown[]>(fn: (...args: A) => T | Promise<T>, ...args: A): Promise<Awaited<T>>;
  /** The toolbar button's badge on the tab showing (or loading) `url`; 'no such tab' when there is none. */
  badgeOf(url: string): Promise<string>;
  /** Makes the card's closed root reachable from the test page's world (support/card.ts). */
  exposeCard(page: Page): Promise<void>;
  /**
   * Records the JavaScript worlds the extension creates in the page from now on (a content script's, one per
   * injection); null where the engine's protocol does not show them (BiDi, for Firefox's content scripts).
   */
  worlds(page: Page): Promise<string[] | null>;
  /** When the running background started (the worker's or the event page's time origin). */
  backgroundStartedAt(): Promise<number>;
  /** Stops the background as the browser does when it is idle; the next event starts it again. */
  stopBackground(): Promise<void>;
  /**
   * Sends `tabs` tabs each through `urls(tab)`, the next URL as soon as the browser refused the one before, while
   * Port Doctor is still answering it; a URL the browser dropped or aborted in that race is typed again, as a
   * user would, and counted (`retyped`).
   */
  burst(
    tabs: number,
    urls: (tab: number) => string[],
  ): Promise<{ retyped: number; tabs: BurstTab[]; close(): Promise<void> }>;
  /** Closes the browser and reads the history it wrote to its profile (DriverOptions.userDataDir). */
  historyAfterClose(): Promise<string[]>;
  /** Closes the browser; once closed, does nothing. */
  close(): Promise<void>;
}

export function launchDriver(engine: Engine, options: DriverOptions = {}): Promise<BrowserDriver> {
  return engine === 'chromium' ? chromiumDriver(options) : firefoxDriver(options);
}
