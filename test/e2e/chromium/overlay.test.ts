import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLICK_TO_FAIL, HUNDRED_BLOCKED, MARKUP_URL } from '../fixtures/pages';
import { cardArmed, exposeCardChromium } from '../support/card';
import { badgeOf, extensionWorlds, launchChromium, settle, type ChromiumSession } from '../support/chromium';
import type { ExtensionGlobals } from '../support/extension-api';
import { startServer, type TestServer } from '../support/server';
import { waitFor } from '../support/wait';

const cardText = (page: Page, testId: string) =>
  page.$eval(`pierce/[data-testid="${testId}"]`, (element) => (element as HTMLElement).innerText);

/** The page as its own scripts see it, without our overlay host, and the computed styles of its elements. */
function snapshot(page: Page): Promise<{ html: string; styles: string[] }> {
  return page.evaluate(() => {
    const clone = document.documentElement.cloneNode(true) as HTMLElement;
    clone.querySelectorAll('port-doctor-overlay').forEach((host) => host.remove());
    const styles = [...document.querySelectorAll('html, body, body *:not(port-doctor-overlay)')].map(
      (element) => {
        const style = getComputedStyle(element);
        return [...style].map((name) => `${name}:${style.getPropertyValue(name)}`).join(';');
      },
    );
    return { html: new XMLSerializer().serializeToString(clone), styles };
  });
}

describe('Chromium: the in-page card', () => {
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

  it("names the blocked port, and leaves the page's DOM and styles as they were", async () => {
    const page = await session.newPage();
    await page.goto(`${server.origin}/styled`);
    const before = await snapshot(page);
    await page.click('#go');
    await exposeCardChromium(page);
    const ports = await waitFor(
      'the card',
      async () => (await cardText(page, 'overlay-ports').catch(() => '')) || undefined,
    );
    expect(ports).toContain('Port 6000: X11 window system');
    expect(await cardText(page, 'overlay-requests')).toContain('http://127.0.0.1:6000/api');
    const after = await snapshot(page);
    expect(after.html).toBe(before.html);
    expect(after.styles).toEqual(before.styles);
    await page.close();
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

  it('is reachable by keyboard, opens the explanation, and can be dismissed', async () => {
    const page = await session.newPage();
    await page.goto(`${server.origin}/styled`);
    await page.click('#go');
    await exposeCardChromium(page);
    const why = await waitFor('the card', () => page.$('pierce/[data-testid="overlay-card"] button.primary'));
    await cardArmed(page);
    await why.focus();
    const opened = session.browser.waitForTarget((target) =>
      // The card's own line, not an explanation another step left open.
      target.url().includes(`/explain.html?url=${encodeURIComponent('http://127.0.0.1:6000/api')}&`),
    );
    await page.keyboard.press('Enter');
    const explanation = (await (await opened).page())!;
    await waitFor('the explanation', () => explanation.$eval('h1', (h1) => h1.textContent?.trim()));
    expect(await explanation.$eval('h1', (h1) => h1.textContent)).toMatch(
      /^Your browser blocked port (6000|6667)$/,
    );
    await explanation.close();
    // Back in front, the card is new to the eye again: it waits its moment before taking a click.
    await page.bringToFront();
    await cardArmed(page);
    const dismiss = await page.$('pierce/[data-testid="overlay-card"] button:nth-of-type(2)');
    await dismiss!.click();
    await waitFor(
      'the card to go',
      async () => (await page.$('pierce/[data-testid="overlay-card"]')) === null,
    );
    await page.close();
  });

  it('stays away from a site after "Don\'t show on this site"', async () => {
    const page = await session.newPage();
    await page.goto(`${server.origin}/styled`);
    await page.click('#go');
    await exposeCardChromium(page);
    const mute = await waitFor('the card', () =>
      page.$('pierce/[data-testid="overlay-card"] button:nth-of-type(3)'),
    );
    await cardArmed(page);
    await mute.click();
    await waitFor(
      'the card to go',
      async () => (await page.$('pierce/[data-testid="overlay-card"]')) === null,
    );
    const again = await session.newPage();
    const worlds = await extensionWorlds(again, session.extensionId);
    await again.goto(`${server.origin}/busy`);
    // The background handled those requests (the toolbar button says so) without a card.
    await waitFor('the badge', async () => (await badgeOf(session, `${server.origin}/busy`)) === '!');
    await settle(session);
    expect(worlds).toEqual([]);
    expect(await again.$('port-doctor-overlay')).toBeNull();
    await again.close();
    await page.close();
  });
});
