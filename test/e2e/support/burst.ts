/**
 * Many tabs, each sent through blocked URLs in quick succession (BrowserDriver.burst), the way each engine lets a
 * test send a tab on before Port Doctor has answered the URL before: Chromium's Page.navigate answers as soon as
 * the navigation failed; Firefox's tabs are driven from an extension page (Puppeteer's goto loses track of a tab
 * the extension moved with tabs.update), each to its next URL the moment Firefox committed its error page for
 * the one before. A URL the browser dropped or aborted in that race is typed again, as a user would, and counted.
 */
import type { Page } from 'puppeteer-core';
import type { ChromiumSession } from './chromium.ts';
import type { BurstTab } from './driver.ts';
import type { ExtensionGlobals } from './extension-api.ts';
import { waitFor } from './wait.ts';

export interface Burst {
  retyped: number;
  tabs: BurstTab[];
  close(): Promise<void>;
}

const explains = (address: string, url: string) =>
  address.includes(`/explain.html?url=${encodeURIComponent(url)}&`);

export async function burstChromium(
  session: ChromiumSession,
  count: number,
  urls: (tab: number) => string[],
): Promise<Burst> {
  const pages = await Promise.all(Array.from({ length: count }, () => session.newPage()));
  // What the worker heard, for the message of a tab that ends astray.
  await session.inWorker(() => {
    const g = globalThis as unknown as { log: string[]; chrome: ExtensionGlobals['chrome'] };
    g.log = [];
    const t0 = Date.now();
    for (const name of ['onBeforeNavigate', 'onErrorOccurred', 'onCommitted'] as const)
      g.chrome.webNavigation[name].addListener((d: { frameId: number; url: string; error?: string }) => {
        if (d.frameId === 0) g.log.push(`${Date.now() - t0} ${name} ${d.url} ${d.error ?? ''}`);
      });
    g.chrome.tabs.onUpdated.addListener((_id, change) => {
      if (change.url) g.log.push(`${Date.now() - t0} tabs.onUpdated ${change.url}`);
    });
  });
  await Promise.all(
    pages.map(async (page, tab) => {
      const cdp = await page.createCDPSession();
      for (const url of urls(tab)) {
        const { errorText } = await cdp.send('Page.navigate', { url });
        if (errorText && errorText !== 'net::ERR_UNSAFE_PORT' && errorText !== 'net::ERR_ABORTED')
          throw new Error(`tab ${tab}, ${url}: ${errorText}`);
      }
      await cdp.detach();
    }),
  );
  // When the last navigation and Port Doctor's redirect for the URL before start at the same moment, the
  // redirect may abort it (net::ERR_ABORTED, the tab then explains the URL before). The sentinel is the tab at
  // rest on an explanation.
  let retyped = 0;
  const explainsLast = async (page: Page, last: string, tab: number) => {
    for (let attempt = 0; ; attempt++) {
      const shown = await waitFor(
        `tab ${tab} to show an explanation`,
        async () =>
          page.url().includes('/explain.html?') &&
          (await page.evaluate(() => document.readyState === 'complete')) &&
          page.url(),
        30_000,
      );
      if (explains(shown, last) || attempt === 3) return;
      retyped++;
      void page.goto(last, { timeout: 0 }).catch(() => undefined);
      await waitFor(`tab ${tab} to leave ${shown}`, async () => page.url() !== shown, 30_000);
    }
  };
  await Promise.all(pages.map((page, tab) => explainsLast(page, urls(tab).at(-1)!, tab))).catch(
    async (error: unknown) => {
      const log = await session.inWorker(() => (globalThis as unknown as { log: string[] }).log);
      const astray = pages
        .map((page, tab) => (explains(page.url(), urls(tab).at(-1)!) ? -1 : tab))
        .filter((tab) => tab >= 0);
      const about = (line: string) => astray.some((tab) => line.includes(`/burst/${tab}/`));
      throw new Error(`${String(error)}; astray: ${astray.join(',')}\n${log.filter(about).join('\n')}`);
    },
  );
  return {
    retyped,
    tabs: pages.map((page, tab) => ({ last: urls(tab).at(-1)!, address: async () => page.url() })),
    close: async () => void (await Promise.all(pages.map((page) => page.close()))),
  };
}

/** Firefox: driven from `control`, an extension page. */
export async function burstFirefox(
  control: Page,
  count: number,
  urls: (tab: number) => string[],
): Promise<Burst> {
  const lists = Array.from({ length: count }, (_, tab) => urls(tab));
  const outcome = await control.evaluate(async (all: string[][]) => {
    const { browser } = globalThis as unknown as ExtensionGlobals;
    const committed = new Map<string, () => void>();
    const explained = new Map<number, (url: string) => void>();
    let retyped = 0;
    const listener = (details: { frameId: number; url: string }) => {
      if (details.frameId === 0) committed.get(details.url)?.();
    };
    const loaded = (tabId: number, change: { status?: string }, tab: { url?: string }) => {
      if (change.status === 'complete' && tab.url) explained.get(tabId)?.(tab.url);
    };
    browser.webNavigation.onCommitted.addListener(listener);
    browser.tabs.onUpdated.addListener(loaded);
    const tabs = await Promise.all(all.map(() => browser.tabs.create({ url: 'about:blank', active: false })));
    await Promise.all(
      tabs.map(async (tab, index) => {
        let before = 'about:blank';
        for (const target of all[index]!) {
          // When this navigation and Port Doctor's redirect for the previous URL start at the same moment,
          // Firefox may drop this one without any event (a refused URL is reported only when its error page
          // commits). The sentinel of a drop is the tab at rest on the explanation of the URL before, with this
          // one never committed.
          for (let attempt = 0; ; attempt++) {
            const refused = new Promise<boolean>((done) => {
              committed.set(target, () => done(true));
              explained.set(tab.id!, (shown) => {
                if (shown.includes(`/explain.html?url=${encodeURIComponent(before)}&`)) done(false);
              });
            });
            await browser.tabs.update(tab.id!, { url: target });
            if (await refused) break;
            retyped++;
            if (attempt === 4) throw new Error(`Firefox never refused ${target}`);
          }
          committed.delete(target);
          explained.delete(tab.id!);
          before = target;
        }
      }),
    );
    browser.tabs.onUpdated.removeListener(loaded);
    browser.webNavigation.onCommitted.removeListener(listener);
    return { retyped, ids: tabs.map((tab) => tab.id!) };
  }, lists);
  const addressOf = (id: number) =>
    control.evaluate(async (tabId: number) => {
      const { browser } = globalThis as unknown as ExtensionGlobals;
      return (await browser.tabs.get(tabId)).url ?? '';
    }, id);
  return {
    retyped: outcome.retyped,
    tabs: outcome.ids.map((id, tab) => ({ last: lists[tab]!.at(-1)!, address: () => addressOf(id) })),
    close: () =>
      control.evaluate(async (ids: number[]) => {
        const { browser } = globalThis as unknown as ExtensionGlobals;
        await browser.tabs.remove(ids);
      }, outcome.ids),
  };
}
