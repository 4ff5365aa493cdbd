/**
 * Chromium only: what the card makes of a page's own requests, which only Chromium reports (webRequest, with the
 * deeper checks); Firefox reports frames alone, and shows a frame's address by its origin, so no count of a
 * request loop, no WebSocket and no markup in a path reach its card.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLICK_TO_FAIL, HUNDRED_BLOCKED, MARKUP_URL } from '../fixtures/pages';
import { exposeCardChromium } from '../support/card';
import { extensionWorlds, launchChromium, settle, type ChromiumSession } from '../support/chromium';
import type { ExtensionGlobals } from '../support/extension-api';
import { startServer, type TestServer } from '../support/server';
import { waitFor } from '../support/wait';

const cardText = (page: Page, testId: string) =>
  page.$eval(`pierce/[data-testid="${testId}"]`, (element) => (element as HTMLElement).innerText);

describe("Chromium: the card and a page's own requests", () => {
  let session: ChromiumSession;
  let server: TestServer;

  beforeAll(async () => {
    server = await startServer({ '/styled': CLICK_TO_FAIL, '/busy': HUNDRED_BLOCKED, '/markup': MARKUP_URL });
    session = await launchChromium({ deeperChecks: true });
  });

  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it('cannot see a blocked WebSocket: Chromium refuses it inside the page, before any request exists', async () => {
    // The same page opened ws://127.0.0.1:6667/. Blink refuses the port itself ("WebSocket connection to
    // 'ws://127.0.0.1:6667/' failed"), so webRequest reports nothing, and the card cannot name 6667.
    const page = await session.newPage();
    const console: string[] = [];
    page.on('console', (message) => console.push(message.text()));
    await session.inWorker(() => {
      const scope = globalThis as unknown as { seen: string[]; chrome: ExtensionGlobals['chrome'] };
      scope.seen = [];
      scope.chrome.webRequest.onBeforeRequest.addListener((details) => void scope.seen.push(details.url), {
        urls: ['<all_urls>'],
      });
    });
    await page.goto(`${server.origin}/styled`);
    await page.click('#go');
    await exposeCardChromium(page);
    await waitFor('the card', () => page.$('pierce/[data-testid="overlay-card"]'));
    await settle(session);
    const seen = await session.inWorker(() => (globalThis as unknown as { seen: string[] }).seen);
    expect(
      console.some((line) => line.includes("WebSocket connection to 'ws://127.0.0.1:6667/' failed")),
    ).toBe(true);
    expect(seen.filter((url) => url.includes(':6667'))).toEqual([]);
    expect(await cardText(page, 'overlay-ports')).not.toContain('6667');
    await page.close();
  });

  it('shows 100 blocked requests as one card with the right count, injected once', async () => {
    const page = await session.newPage();
    const worlds = await extensionWorlds(page, session.extensionId);
    await page.goto(`${server.origin}/busy`);
    await exposeCardChromium(page);
    await waitFor(
      'the count to reach 100',
      async () => (await cardText(page, 'overlay-count').catch(() => '')) === 'failed 100×',
      20_000,
    ).catch(async (error: unknown) => {
      throw new Error(
        `${String(error)}; the card says ${await cardText(page, 'overlay-count').catch(() => 'nothing')}`,
      );
    });
    // Read out as words ("failed 100 times"), not as a multiplication sign that looks like a close button.
    expect(await cardText(page, 'overlay-requests')).toContain('failed 100 times');
    await settle(session);
    const cards = await page.evaluate(() =>
      [...document.querySelectorAll('port-doctor-overlay')].map(
        (host) => host.shadowRoot?.querySelectorAll('[data-testid="overlay-card"]').length ?? -1,
      ),
    );
    expect(cards).toEqual([1]);
    expect(worlds).toEqual(['Port Doctor']);
    await page.close();
  });

  it('shows request URLs that carry markup as text', async () => {
    const page = await session.newPage();
    let dialogs = 0;
    page.on('dialog', (dialog) => {
      dialogs++;
      void dialog.dismiss();
    });
    await page.goto(`${server.origin}/markup`);
    await exposeCardChromium(page);
    const requests = await waitFor(
      'the card',
      async () => (await cardText(page, 'overlay-requests').catch(() => '')) || undefined,
    );
    expect(requests).toContain('onerror=alert(1)');
    expect(await page.$$('pierce/[data-testid="overlay-card"] img')).toHaveLength(0);
    expect(await page.$$('pierce/[data-testid="overlay-card"] script')).toHaveLength(0);
    expect(dialogs).toBe(0);
    await page.close();
  });
});
