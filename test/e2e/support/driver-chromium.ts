/**
 * The BrowserDriver for Chromium (driver.ts), over CDP: page.url() is the tab's address, extension pages open by
 * address, and the worker is where the extension's APIs are read.
 */
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { historyUrls } from './browser-history.ts';
import { burstChromium } from './burst.ts';
import { exposeCardChromium } from './card.ts';
import * as chromium from './chromium.ts';
import type { BrowserDriver, DriverOptions, StoredFailure } from './driver.ts';
import type { ExtensionGlobals } from './extension-api.ts';
import { waitFor } from './wait.ts';

const CHROMIUM_ERROR_PAGE = 'chrome-error://chromewebdata/';

export async function chromiumDriver(options: DriverOptions): Promise<BrowserDriver> {
  const names = options.localNames ?? [];
  const session = await chromium.launchChromium({
    ...(options.locale !== undefined && { lang: options.locale }),
    ...(options.extensionDir !== undefined && { extensionDir: options.extensionDir }),
    ...(options.userDataDir !== undefined && { userDataDir: options.userDataDir }),
    deeperChecks: options.deeperChecks ?? false,
    args: [
      ...(options.acceptCertificates ? ['--ignore-certificate-errors'] : []),
      ...(names.length > 0
        ? [`--host-resolver-rules=${names.map((name) => `MAP ${name} 127.0.0.1`).join(', ')}`]
        : []),
      ...(options.allowedPorts?.length
        ? [`--explicitly-allowed-ports=${options.allowedPorts.join(',')}`]
        : []),
    ],
  });
  // The scheme every page the test opens shows (Chromium emulates it per page).
  const newPage = async () => {
    const page = await session.newPage();
    if (options.colorScheme)
      await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: options.colorScheme }]);
    return page;
  };
  const inExtension: BrowserDriver['inExtension'] = (fn, ...args) => session.inWorker(fn, ...args);
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await session.close();
  };
  const explained = async (page: Page, part?: string) => {
    await waitFor(
      'the explanation page',
      async () => page.url().includes('/explain.html?') && (part === undefined || page.url().includes(part)),
      chromium.SENTINEL_MS,
    );
    await waitFor('the headline', () => page.$eval('h1', (h1) => h1.textContent?.trim()));
  };

  return {
    engine: 'chromium',
    errors: session.errors,
    newPage,
    extensionUrl: (path) => session.extensionUrl(path),
    openExplained: async (url, into) => {
      const page = into ?? (await newPage());
      // Chromium's own refusal is not waited for: the sentinel is the tab's address becoming the explanation.
      void page.goto(url, { timeout: 0 }).catch(() => undefined);
      await explained(page);
      return page;
    },
    explained,
    startNavigation: (page, url) => void page.goto(url, { timeout: 0 }).catch(() => undefined),
    navigateFailing: async (page, url, error = chromium.REFUSED) => {
      const outcome = await page.goto(url).then(
        () => 'loaded',
        (failure: unknown) => String(failure),
      );
      if (!error.test(outcome))
        throw new Error(`Chromium was to fail ${url} with ${String(error)}, not: ${outcome}`);
    },
    errorPage: (page) =>
      waitFor(
        "Chromium's error page",
        async () =>
          page.url() === CHROMIUM_ERROR_PAGE &&
          /\bERR_[A-Z_]+\b/.exec(await page.$eval('body', (body) => body.innerText))?.[0],
        chromium.SENTINEL_MS,
      ),
    openExtensionPage: async (path, into) => {
      const page = into ?? (await newPage());
      // The popup is about the tab in front, as it is when the toolbar button opens it.
      await page.bringToFront();
      await page.goto(session.extensionUrl(path));
      await waitFor(`${path} to show its headline`, () => page.$('h1'));
      return page;
    },
    waitForPage: async (part) => {
      const target = await session.browser.waitForTarget((candidate) => candidate.url().includes(part), {
        timeout: chromium.SENTINEL_MS,
      });
      const page = await target.page();
      if (!page) throw new Error(`The tab at ${target.url()} has no page`);
      return page;
    },
    locationOf: async (page) => page.url(),
    colorSchemes: ['light', 'dark'],
    useColorScheme: (page, scheme) =>
      page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]),
    settle: () => chromium.settle(session),
    storeSettings: (settings) => chromium.storeSettings(session, settings),
    failures: () =>
      inExtension(async () => {
        const { browser } = globalThis as unknown as ExtensionGlobals;
        const { tabFailures } = await browser.storage.session.get('tabFailures');
        return Object.values((tabFailures ?? {}) as Record<string, StoredFailure[]>).flat();
      }),
    stored: async (area, key) =>
      (
        await inExtension(
          (where: 'local' | 'session' | 'sync', name: string) =>
            (globalThis as unknown as ExtensionGlobals).browser.storage[where].get(name),
          area,
          key,
        )
      )[key],
    inExtension,
    badgeOf: (url) => chromium.badgeOf(session, url),
    exposeCard: (page) => exposeCardChromium(page),
    worlds: (page) => chromium.extensionWorlds(page, session.extensionId),
    backgroundStartedAt: () => session.inWorker(() => performance.timeOrigin),
    // Detaches the watch on the worker's console too: errors logged after this are not seen.
    stopBackground: () => session.stopWorker(),
    burst: (tabs, urls) => burstChromium(session, tabs, urls),
    historyAfterClose: async () => {
      if (options.userDataDir === undefined) throw new Error('historyAfterClose needs a userDataDir');
      // Chromium writes its history database on the way out.
      await close();
      return historyUrls(join(options.userDataDir, 'Default', 'History'), 'urls');
    },
    close,
  };
}
