/**
 * The BrowserDriver for Firefox (driver.ts), over WebDriver BiDi: a tab's address is read in the page
 * (page.url() goes stale once the extension moves it), and BiDi may not open moz-extension:// pages, so the
 * extension opens its own pages (tabs.create, tabs.update) from the control page (firefox.ts), where its APIs
 * are read too.
 */
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { historyUrls } from './browser-history.ts';
import { burstFirefox } from './burst.ts';
import { exposeCardFirefox } from './card.ts';
import type { BrowserDriver, DriverOptions, StoredFailure } from './driver.ts';
import type { ExtensionGlobals } from './extension-api.ts';
import * as firefox from './firefox.ts';
import { waitFor } from './wait.ts';

export async function firefoxDriver(options: DriverOptions): Promise<BrowserDriver> {
  const names = options.localNames ?? [];
  const session = await firefox.launchFirefox({
    ...(options.locale !== undefined && { locale: options.locale }),
    ...(options.extensionDir !== undefined && { extensionDir: options.extensionDir }),
    ...(options.userDataDir !== undefined && { userDataDir: options.userDataDir }),
    prefs: {
      ...(names.length > 0 && { 'network.dns.localDomains': names.join(',') }),
      ...(options.allowedPorts?.length && {
        'network.security.ports.banned.override': options.allowedPorts.join(','),
      }),
      // Firefox's own switch for the colour scheme pages see: 0 dark, 1 light.
      ...(options.colorScheme && {
        'layout.css.prefers-color-scheme.content-override': options.colorScheme === 'dark' ? 0 : 1,
      }),
      ...(options.quickIdle && { 'extensions.background.idle.timeout': 1000 }),
    },
  });
  const control = () => firefox.controlPage(session);
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await session.close();
  };
  const inExtension: BrowserDriver['inExtension'] = async (fn, ...args) =>
    (await control()).evaluate(fn as (...params: unknown[]) => unknown, ...args) as never;
  const watched = new WeakSet<Page>();
  /** Pages the test did not open itself (tabs the extension opened) report their errors too. */
  const watch = (page: Page) => {
    if (watched.has(page)) return page;
    watched.add(page);
    page.on('pageerror', (error) => session.errors.push(`page: ${String(error)}`));
    return page;
  };
  const newPage = async () => watch(await session.newPage());
  const explained = async (page: Page, part?: string) => {
    await waitFor(
      'the explanation page',
      async () => {
        const address = await firefox.locationOf(page);
        return (
          address.startsWith(session.extensionUrl('/explain.html?')) &&
          (part === undefined || address.includes(part))
        );
      },
      firefox.SENTINEL_MS,
    );
    await waitFor('the headline', () => page.$eval('h1', (h1) => h1.textContent?.trim()));
  };
  /** A tab the test has not seen before (when `fresh`), whose address satisfies `wanted`. */
  const pageWhere = async (what: string, wanted: (address: string) => boolean, known?: Set<Page>) =>
    watch(
      await waitFor(
        what,
        async () => {
          for (const page of await session.browser.pages())
            if (!known?.has(page) && wanted(await firefox.locationOf(page).catch(() => ''))) return page;
          return undefined;
        },
        firefox.SENTINEL_MS,
      ),
    );
  const tabIdOf = async (page: Page) => {
    const address = await firefox.locationOf(page);
    const ids = await inExtension(async (url: string) => {
      const { browser } = globalThis as unknown as ExtensionGlobals;
      return (await browser.tabs.query({})).filter((tab) => tab.url === url).map((tab) => tab.id!);
    }, address);
    if (ids.length !== 1) throw new Error(`${ids.length} tabs show ${address}: which one is the test's?`);
    return ids[0]!;
  };

  return {
    engine: 'firefox',
    errors: session.errors,
    newPage,
    extensionUrl: (path) => session.extensionUrl(path),
    openExplained: async (url, into) => {
      const page = into ?? (await newPage());
      firefox.startNavigation(page, url);
      await explained(page);
      return page;
    },
    explained,
    startNavigation: (page, url) => firefox.startNavigation(page, url),
    navigateFailing: async (page, url) => firefox.startNavigation(page, url),
    errorPage: (page) => firefox.firefoxError(page),
    openExtensionPage: async (path, into) => {
      const url = session.extensionUrl(path);
      let page: Page;
      if (into) {
        // The popup is about the tab in front, as it is when the toolbar button opens it.
        await into.bringToFront();
        const id = await tabIdOf(into);
        await inExtension(
          (tabId: number, href: string) =>
            (globalThis as unknown as ExtensionGlobals).browser.tabs.update(tabId, { url: href }),
          id,
          url,
        );
        page = into;
        await waitFor(`${path} in the tab`, async () => (await firefox.locationOf(page)) === url);
      } else {
        const known = new Set(await session.browser.pages());
        await inExtension(
          (href: string) => (globalThis as unknown as ExtensionGlobals).browser.tabs.create({ url: href }),
          url,
        );
        page = await pageWhere(`a new tab showing ${path}`, (address) => address === url, known);
      }
      await waitFor(`${path} to show its headline`, () => page.$('h1'));
      return page;
    },
    waitForPage: async (part) => {
      // BiDi does not show a tab that an extension page opened with a link (Firefox 153, puppeteer-core 25):
      // once the extension sees it, it is opened again by the extension (tabs.create, which BiDi shows) and
      // closed, so that the test drives the same address. A tab a web page opened is never replaced: the page
      // may still hold it (window.open), and BiDi shows it.
      const known = new Set(await session.browser.pages());
      const seen = await waitFor(
        `a tab at ${part}`,
        async () => {
          for (const page of await session.browser.pages())
            if ((await firefox.locationOf(page).catch(() => '')).includes(part)) return { page };
          const tab = await inExtension(
            async (wanted: string, ours: string) => {
              const { browser } = globalThis as unknown as ExtensionGlobals;
              const tabs = await browser.tabs.query({});
              const found = tabs.find((candidate) => candidate.url?.includes(wanted));
              const opener = tabs.find((candidate) => candidate.id === found?.openerTabId);
              if (!found || (opener && !opener.url?.startsWith(ours))) return undefined;
              return { id: found.id!, url: found.url! };
            },
            part,
            session.extensionUrl(''),
          );
          return tab && { tab };
        },
        firefox.SENTINEL_MS,
      );
      if (seen.page) return watch(seen.page);
      const { id, url } = seen.tab!;
      await inExtension(
        async (tabId: number, href: string) => {
          const { browser } = globalThis as unknown as ExtensionGlobals;
          await browser.tabs.create({ url: href });
          await browser.tabs.remove(tabId);
        },
        id,
        url,
      );
      return pageWhere(`the tab at ${part}, opened again`, (address) => address === url, known);
    },
    locationOf: (page) => firefox.locationOf(page),
    colorSchemes: ['light'],
    useColorScheme: async (_page, scheme) => {
      if (scheme !== 'light') throw new Error('Firefox takes its colour scheme from a pref at launch');
    },
    settle: () => firefox.settle(session),
    storeSettings: async (settings) => firefox.storeSettings(await control(), settings),
    // But the control page's own: it is the driver's, not the test's.
    failures: async () =>
      (
        await inExtension(async () => {
          const { browser } = globalThis as unknown as ExtensionGlobals;
          const { tabFailures } = await browser.storage.session.get('tabFailures');
          return Object.values((tabFailures ?? {}) as Record<string, StoredFailure[]>).flat();
        })
      ).filter((failure) => failure.url !== firefox.CONTROL_URL),
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
    badgeOf: (url) =>
      inExtension(async (target: string) => {
        const { browser } = globalThis as unknown as ExtensionGlobals;
        const tab = (await browser.tabs.query({})).find((candidate) => candidate.url === target);
        return tab ? browser.action.getBadgeText({ tabId: tab.id }) : 'no such tab';
      }, url),
    exposeCard: async (page) => exposeCardFirefox(page, await control()),
    worlds: async () => null,
    backgroundStartedAt: () =>
      inExtension(async () => {
        const { browser } = globalThis as unknown as ExtensionGlobals;
        const answer = (await browser.runtime.sendMessage({ portDoctor: 'status', request: null })) as {
          startedAt: number;
        };
        return answer.startedAt;
      }),
    stopBackground: async () => {
      if (!options.quickIdle) throw new Error('stopBackground needs quickIdle: Firefox idles 30 s otherwise');
      // The sentinel: the event page is gone from the extension's views (reading them does not wake it).
      await waitFor(
        'the event page to be suspended',
        () =>
          inExtension(
            () =>
              !(globalThis as unknown as ExtensionGlobals).browser.extension
                .getViews()
                .some(
                  (view) =>
                    (view as unknown as { location: Location }).location.pathname ===
                    '/_generated_background_page.html',
                ),
          ),
        firefox.SENTINEL_MS,
      );
    },
    burst: async (tabs, urls) => burstFirefox(await control(), tabs, urls),
    historyAfterClose: async () => {
      if (options.userDataDir === undefined) throw new Error('historyAfterClose needs a userDataDir');
      await close();
      return historyUrls(join(options.userDataDir, 'places.sqlite'), 'moz_places');
    },
    close,
  };
}
