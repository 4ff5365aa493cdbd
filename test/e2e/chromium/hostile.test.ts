/**
 * Pages written to abuse Port Doctor, against the production build in real Chromium: they must get nothing.
 * A page may press or read the card, lay bait over it, frame a redirect that carries a secret, flood the
 * storage with failures, or prerender a blocked port; a burst of failures must not send a tab astray.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clickerPage,
  decoyPage,
  FETCH_BLOCKED,
  FLOOD_FRAMES,
  FLOOD_PAGE,
  prerenderPage,
  spyPage,
} from '../fixtures/hostile';
import { CLICK_TO_FAIL, HEALTHY_PAGE } from '../fixtures/pages';
import { cardArmed, cardBox, cardButtons, exposeCardChromium, pageViewOfCard } from '../support/card';
import { badgeOf, launchChromium, settle, storeSettings, type ChromiumSession } from '../support/chromium';
import type { ExtensionGlobals } from '../support/extension-api';
import { hostile, optionsStillSave } from '../support/hostile';
import { waitForOptions } from '../support/options-page';
import { startServer, type TestServer } from '../support/server';
import { waitFor } from '../support/wait';

const SECRET = 'SECRET-4e1f9c';

/** The extension's tabs showing an explanation. */
function explanationTabs(session: ChromiumSession): number {
  return session.browser
    .targets()
    .filter((target) => target.type() === 'page' && target.url().includes('/explain.html')).length;
}

/** Bytes in each storage area, as JSON. */
function storageBytes(session: ChromiumSession): Promise<number> {
  return session.inWorker(async () => {
    const { chrome } = globalThis as unknown as ExtensionGlobals;
    const areas = await Promise.all([
      chrome.storage.session.get(null),
      chrome.storage.local.get(null),
      chrome.storage.sync.get(null),
    ]);
    return areas.reduce((sum, area) => sum + new TextEncoder().encode(JSON.stringify(area)).length, 0);
  });
}

describe('Chromium: hostile pages get nothing', () => {
  let session: ChromiumSession;
  let server: TestServer;
  let other: TestServer;

  beforeAll(async () => {
    // Another origin (another port), as a sign-in provider would be: it redirects to a blocked port.
    other = await startServer({
      '/redirect': { status: 302, headers: { location: `http://127.0.0.1:6000/cb?code=${SECRET}` } },
    });
    server = await startServer({
      '/clicker': clickerPage(FETCH_BLOCKED),
      '/decoy': decoyPage(FETCH_BLOCKED),
      '/spy': spyPage(`${other.origin}/redirect`, SECRET),
      '/flood': FLOOD_PAGE,
      '/styled': CLICK_TO_FAIL,
      '/prerender': prerenderPage('http://127.0.0.1:6000/prerendered'),
      '/': HEALTHY_PAGE,
    });
    session = await launchChromium({ deeperChecks: true });
  });

  afterAll(async () => {
    await session?.close();
    await server?.close();
    await other?.close();
  });

  it('a page that keeps pressing the card opens no tab, and never sees inside it', async () => {
    const before = explanationTabs(session);
    const page = await session.newPage();
    await page.goto(`${server.origin}/clicker`);
    // Thirty rounds of every trick (about 4.5 s), counted by the page itself.
    await waitFor(
      'the clicker to try 30 times',
      async () => (await hostile<{ attempts: number }>(page)).attempts >= 30,
      20_000,
    );
    await settle(session);
    expect(explanationTabs(session)).toBe(before);
    expect(await hostile(page)).toMatchObject({ sawRoot: false, sawButtons: 0 });
    // The card is still there, and still works for the user's own click.
    await exposeCardChromium(page);
    const why = await waitFor('the card', () => page.$('pierce/[data-testid="overlay-card"] button.primary'));
    await cardArmed(page);
    const opened = session.browser.waitForTarget((target) =>
      // The card's own line, not an explanation another step left open.
      target.url().includes(`/explain.html?url=${encodeURIComponent('http://127.0.0.1:6000/api')}&`),
    );
    await why.click();
    await (await (await opened).page())?.close();
    await page.close();
  });

  it("a page laying bait over the card: the user's real clicks through it do nothing, until it is gone", async () => {
    const page = await session.newPage();
    try {
      const explanations: number[] = [];
      const count = (target: { url(): string }) => {
        if (target.url().includes('/explain.html?')) explanations.push(performance.now());
      };
      session.browser.on('targetcreated', count);
      await page.goto(`${server.origin}/decoy`);
      await exposeCardChromium(page);
      // Armed first: what refuses the clicks below is the bait, not the card's first moments.
      await cardArmed(page);
      const [why, , mute] = await cardButtons(page);
      await page.evaluate(
        (box) => (window as unknown as { cover(b: object): void }).cover(box),
        await cardBox(page),
      );
      // IntersectionObserver v2 sees the opaque bait, which no hit test does (it lets every click through).
      await cardArmed(page, false);
      // Real clicks, through the bait, on "Don't show on this site" and "Why?".
      await page.mouse.click(mute!.x, mute!.y);
      await page.mouse.click(why!.x, why!.y);
      const refusedAt = performance.now();
      await page.evaluate(() => (window as unknown as { uncover(): void }).uncover());
      await cardArmed(page);
      // The background opens at most one explanation a second per tab: past that, it could not hide a second.
      await waitFor('the explanation limit to pass', async () => performance.now() - refusedAt > 1100);
      // The sentinel: the same click, uncovered, opens the explanation; the card is still there, so the
      // refused "Don't show on this site" did not act either (it puts the card away at once).
      const opened = session.browser.waitForTarget((target) => target.url().includes('/explain.html?'));
      await page.mouse.click(why!.x, why!.y);
      await (await (await opened).page())?.close();
      expect(await page.$('pierce/[data-testid="overlay-card"]')).not.toBeNull();
      // The explanation took the front; a tab coming back into view shows its card anew.
      await page.bringToFront();
      await cardArmed(page);
      await page.mouse.click(mute!.x, mute!.y);
      const muted = () =>
        session.inWorker(async () => {
          const { chrome } = globalThis as unknown as ExtensionGlobals;
          const { settings } = await chrome.storage.sync.get('settings');
          return (settings as { mutedSites?: string[] } | undefined)?.mutedSites ?? [];
        });
      await waitFor('the site muted', async () => (await muted()).length > 0);
      session.browser.off('targetcreated', count);
      expect(await muted()).toEqual([server.origin]);
      expect(explanations).toHaveLength(1);
      expect(explanations[0]).toBeGreaterThan(refusedAt);
    } finally {
      // The test mutes its site last: later tests on the same server need their card.
      await storeSettings(session, {});
      await page.close();
    }
  });

  it('a page framing a redirect to a blocked port never reads the secret; the card names the port', async () => {
    const page = await session.newPage();
    await page.goto(`${server.origin}/spy`);
    await waitFor('the card', () => page.$('port-doctor-overlay'));
    await waitFor(
      'the spy to look 10 times',
      async () => (await hostile<{ looks: number }>(page)).looks >= 10,
    );
    expect(await hostile(page)).toMatchObject({ found: [] });
    expect(await pageViewOfCard(page)).toMatchObject({ host: true, shadowRoot: false });
    expect((await pageViewOfCard(page)).text).not.toContain(SECRET);
    // What the card itself holds, read through DevTools: the port and its service, nothing of the URL.
    await exposeCardChromium(page);
    const card = await page.$eval(
      'pierce/[data-testid="overlay-card"]',
      (element) => (element as HTMLElement).innerText,
    );
    expect(card).toContain('Port 6000: X11 window system');
    expect(card).toContain('http://127.0.0.1:6000');
    expect(card).not.toContain(SECRET);
    expect(card).not.toContain('/cb');
    await page.close();
  });

  it('a page flooding the extension with 20 frames of 150 KB URLs: storage grows by under 1 MB, all still works', async () => {
    const before = await storageBytes(session);
    const page = await session.newPage();
    // Not waited for: Chromium takes its time over these frames even without the extension (FLOOD_PAGE), so the
    // test waits for what it checks instead.
    const started = performance.now();
    const loading = page.goto(`${server.origin}/flood`, { timeout: 0 }).catch(() => undefined);
    await waitFor(
      `the ${FLOOD_FRAMES} frames to be counted`,
      async () =>
        session.inWorker(async (frames: number) => {
          const { chrome } = globalThis as unknown as ExtensionGlobals;
          const { tabFailures } = await chrome.storage.session.get('tabFailures');
          return Object.values((tabFailures ?? {}) as Record<string, { url: string; count: number }[]>)
            .flat()
            .some((failure) => failure.url === 'http://flood.invalid:6000/' && failure.count === frames);
        }, FLOOD_FRAMES),
      90_000,
    );
    await loading;
    const grown = (await storageBytes(session)) - before;
    console.info(
      `[hostile] storage grew by ${grown} bytes for ${FLOOD_FRAMES} frames of 150 KB, counted in ${Math.round(performance.now() - started)} ms`,
    );
    expect(grown).toBeLessThan(1_000_000);
    expect(grown).toBeLessThan(10_000);
    await page.close();

    // The explanation still appears.
    const explained = await session.newPage();
    await explained.goto('http://localhost:6666/after-flood').catch(() => undefined);
    await waitFor('the explanation', async () =>
      explained
        .url()
        .includes(`/explain.html?url=${encodeURIComponent('http://localhost:6666/after-flood')}&`),
    );
    // Its text, read in a tab of its own: Puppeteer can lose the execution context of a tab that went from
    // Chromium's error page to an extension page ("Cannot find context with specified id", seen once in CI).
    const reread = await session.newPage();
    await reread.goto(explained.url());
    await waitFor('its headline', () => reread.$eval('h1', (h1) => h1.textContent?.trim()));
    await reread.close();
    await explained.close();
    // The card still appears.
    const app = await session.newPage();
    await app.goto(`${server.origin}/styled`);
    await app.click('#go');
    await exposeCardChromium(app);
    await waitFor('the card', () => app.$('pierce/[data-testid="overlay-card"]'));
    await app.close();
    // The options page still saves.
    const options = await session.newPage();
    await options.goto(session.extensionUrl('/options.html'));
    await waitForOptions(options);
    // With its text (Chromium sometimes ran the extension without its messages: entrypoints/background.ts).
    expect(await options.evaluate(() => document.body.innerText.trim())).not.toBe('');
    await options.bringToFront();
    await optionsStillSave(options);
    await options.close();
  }, 150_000);
});

describe('Chromium: a burst of blocked URLs in many tabs', () => {
  let session: ChromiumSession;

  beforeAll(async () => {
    session = await launchChromium();
  });

  afterAll(async () => {
    await session?.close();
  });

  it('20 tabs, 5 blocked URLs each in quick succession: every tab explains the last URL it was sent to', async () => {
    const PORTS = [6000, 6665, 6666, 6667, 6668];
    const last = (tab: number) => `http://localhost:${PORTS.at(-1)}/burst-${tab}`;
    const pages = await Promise.all(Array.from({ length: 20 }, () => session.newPage()));
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
        // Page.navigate answers as soon as the navigation failed: the next URL follows at once, while
        // Port Doctor is still answering the one before.
        for (const port of PORTS) {
          const { errorText } = await cdp.send('Page.navigate', {
            url: `http://localhost:${port}/burst-${tab}`,
          });
          if (errorText && errorText !== 'net::ERR_UNSAFE_PORT' && errorText !== 'net::ERR_ABORTED')
            throw new Error(`tab ${tab}, port ${port}: ${errorText}`);
        }
        await cdp.detach();
      }),
    );
    const explains = (page: Page, tab: number) =>
      page.url().includes(`/explain.html?url=${encodeURIComponent(last(tab))}&`);
    // When the last navigation and Port Doctor's redirect for the URL before start at the same moment, the
    // redirect may abort it (net::ERR_ABORTED, the tab then explains the URL before): a user would type it
    // again; so does the test, and counts it. The sentinel is the tab at rest on an explanation.
    let retyped = 0;
    const explainsLast = async (page: Page, tab: number) => {
      for (let attempt = 0; ; attempt++) {
        const shown = await waitFor(
          `tab ${tab} to show an explanation`,
          async () =>
            page.url().includes('/explain.html?') &&
            (await page.evaluate(() => document.readyState === 'complete')) &&
            page.url(),
          30_000,
        );
        if (shown.includes(`/explain.html?url=${encodeURIComponent(last(tab))}&`) || attempt === 3) return;
        retyped++;
        void page.goto(last(tab), { timeout: 0 }).catch(() => undefined);
        await waitFor(`tab ${tab} to leave ${shown}`, async () => page.url() !== shown, 30_000);
      }
    };
    await Promise.all(
      pages.map(async (page, tab) => {
        await explainsLast(page, tab);
        await waitFor(`tab ${tab} to explain ${last(tab)}`, async () => explains(page, tab), 30_000);
      }),
    ).catch(async (error: unknown) => {
      const log = await session.inWorker(() => (globalThis as unknown as { log: string[] }).log);
      const bad = pages.map((page, tab) => (explains(page, tab) ? -1 : tab)).filter((tab) => tab >= 0);
      const about = (line: string) => bad.some((tab) => new RegExp(`burst-${tab}(\\b|&|%26)`).test(line));
      throw new Error(`${String(error)}; wrong: ${bad.join(',')}\n${log.filter(about).join('\n')}`);
    });
    console.info(`[hostile] Chromium burst: ${retyped} of 100 navigations aborted and sent again`);
    // Nothing late lands afterwards, and the worker still answers: a later failure is handled.
    await settle(session);
    expect(pages.map((page, tab) => explains(page, tab) || page.url())).toEqual(pages.map(() => true));
    await Promise.all(pages.map((page) => page.close()));
  });
});

describe('Chromium: a prerender the user never sees', () => {
  let session: ChromiumSession;
  let server: TestServer;

  beforeAll(async () => {
    server = await startServer({ '/prerender': prerenderPage('http://127.0.0.1:6000/prerendered') });
    session = await launchChromium({ unattached: 'no-devtools' });
  });

  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it('of a blocked port: Chromium reports it as an aborted prerender; nothing is badged, kept or injected', async () => {
    type Seen = { url: string; documentLifecycle?: string; error?: string; frameId: number }[];
    await session.inWorker(() => {
      const scope = globalThis as unknown as { seen: Seen; chrome: ExtensionGlobals['chrome'] };
      scope.seen = [];
      scope.chrome.webNavigation.onErrorOccurred.addListener((details) => void scope.seen.push(details));
    });
    const url = `${server.origin}/prerender?no-devtools`;
    await session.inWorker((target: string) => {
      const { chrome } = globalThis as unknown as ExtensionGlobals;
      return void chrome.tabs.create({ url: target });
    }, url);
    // Chromium's own report of the prerender: the sentinel that it was tried, and failed.
    const seen = await waitFor('the prerender to fail', async () => {
      const events = await session.inWorker(() => (globalThis as unknown as { seen: Seen }).seen);
      return events.find((event) => event.url === 'http://127.0.0.1:6000/prerendered');
    });
    expect(seen).toMatchObject({ documentLifecycle: 'prerender', error: 'net::ERR_ABORTED' });
    expect(seen.frameId).not.toBe(0);
    await settle(session);
    expect(await badgeOf(session, url)).toBe('');
    const kept = await session.inWorker(async () => {
      const { chrome } = globalThis as unknown as ExtensionGlobals;
      return JSON.stringify(await chrome.storage.session.get('tabFailures'));
    });
    expect(kept).not.toContain('prerendered');
    const injected = await session.inWorker(async (target: string) => {
      const { chrome } = globalThis as unknown as ExtensionGlobals;
      const tab = (await chrome.tabs.query({})).find((candidate) => candidate.url === target);
      const [result] = await chrome.scripting.executeScript({
        target: { tabId: tab!.id! },
        func: () => document.querySelectorAll('port-doctor-overlay').length,
      });
      return result?.result;
    }, url);
    expect(injected).toBe(0);
  });
});
