/**
 * Chromium: a page cannot make Port Doctor load a URL of its choosing, and a secret in a local URL outlives its
 * tab nowhere: in no storage area, no extension page's address, no entry of the browser's history.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { historyUrls } from '../support/browser-history';
import { launchChromium, settle, storeSettings, type ChromiumSession } from '../support/chromium';
import type { ExtensionGlobals } from '../support/extension-api';
import { closedPort } from '../support/ports';
import { startServer, type TestServer } from '../support/server';
import { waitFor } from '../support/wait';

/** Every storage area of the extension, as text. */
function storedText(session: ChromiumSession): Promise<Record<'local' | 'sync' | 'session', string>> {
  return session.inWorker(async () => {
    const { chrome } = globalThis as unknown as ExtensionGlobals;
    const [local, sync, session] = await Promise.all(
      [chrome.storage.local, chrome.storage.sync, chrome.storage.session].map((area) => area.get()),
    );
    return { local: JSON.stringify(local), sync: JSON.stringify(sync), session: JSON.stringify(session) };
  });
}

describe('Chromium: an opener page steers the window Port Doctor explained', () => {
  let session: ChromiumSession;
  let opener: TestServer;
  let victim: TestServer;

  beforeAll(async () => {
    victim = await startServer({ '/a': 'victim a', '/b': 'victim b' });
    opener = await startServer({ '/': '<title>opener</title>opener' });
    session = await launchChromium();
  });

  afterAll(async () => {
    await session?.close();
    await Promise.all([victim?.close(), opener?.close()]);
  });

  it('navigated twice right after the redirect: the extension loads nothing the page chose', async () => {
    const page = await session.newPage();
    await page.goto(opener.origin);
    const explained = session.browser.waitForTarget((target) => target.url().includes('/explain.html?url='));
    await page.evaluate(() => {
      (window as unknown as { w: Window | null }).w = window.open('http://localhost:6000/opened');
    });
    await explained;
    // Within the 3 s in which an aborted navigation counts as cut off by the redirect: /a is aborted by /b.
    await page.evaluate(
      (a: string, b: string) => {
        const { w } = window as unknown as { w: Window };
        w.location.href = a;
        w.location.href = b;
      },
      `${victim.origin}/a?from=page`,
      `${victim.origin}/b?from=page`,
    );
    // The page's own navigation lands; then everything the extension was told is handled.
    // The window lands on the victim (the page's own /b, or whatever the extension loaded), then everything
    // the extension was told is handled.
    const popup = await explained;
    await waitFor('the window to land on the victim', async () => popup.url().startsWith(victim.origin));
    await settle(session);
    // Chromium 156 sends the extension's tabs.update as Sec-Fetch-Site "cross-site" (its initiator is the
    // extension); the opener's own navigations are "same-site" (127.0.0.1 both). Before the fix the victim saw
    // a third request, /a again, cross-site.
    // The page's own requests may or may not reach the server before the next one cancels them: what counts
    // is that none comes from anyone else, and that the window shows what the page asked for last.
    const navigations = victim.requests.filter((request) => request.url !== '/favicon.ico');
    expect(navigations.filter((request) => request.fetchSite !== 'same-site')).toEqual([]);
    expect(popup.url()).toBe(`${victim.origin}/b?from=page`);
    await page.close();
  });

  it('a navigation offered instead (the background decided: wiring tests): shown, and loaded on a click', async () => {
    const page = await session.newPage();
    await expect(page.goto('http://localhost:6000/offer')).rejects.toThrow(/ERR_UNSAFE_PORT|ERR_ABORTED/);
    await waitFor('the explanation', async () => page.url().includes('/explain.html?url='));
    const offered = `${victim.origin}/offered?x=1`;
    await session.inWorker(async (url: string) => {
      const { chrome } = globalThis as unknown as ExtensionGlobals;
      const tab = (await chrome.tabs.query({})).find((candidate) => candidate.url?.includes('%2Foffer&'));
      await chrome.storage.session.set({ offered: { [String(tab?.id)]: url } });
    }, offered);
    const button = await waitFor('the offer', () => page.$('[data-testid="continue"]'));
    expect(
      await page.$eval('[data-testid="continue-offer"]', (offer) => (offer as HTMLElement).innerText),
    ).toContain(victim.origin);
    await button.click();
    await waitFor('the offered page', async () => page.url() === offered);
    await page.close();
  });
});

describe('Chromium: a refused OAuth loopback callback with its code', () => {
  let session: ChromiumSession;
  let profile: string;
  let port: number;
  let callback: TestServer | undefined;
  let explanation: Page;
  const secretUrl = (p: number) => `http://127.0.0.1:${p}/?code=SECRET-c0de&state=x`;

  beforeAll(async () => {
    profile = mkdtempSync(join(tmpdir(), 'port-doctor-profile-'));
    port = await closedPort();
    session = await launchChromium({ userDataDir: profile });
    await storeSettings(session, { localFailures: 'explain' });
  });

  afterAll(async () => {
    await session?.close();
    await callback?.close();
  });

  it('is explained without its query; Retry in the tab loads it whole; nothing keeps it', async () => {
    explanation = await session.newPage();
    await expect(explanation.goto(secretUrl(port))).rejects.toThrow(/ERR_CONNECTION_REFUSED|ERR_ABORTED/);
    await waitFor('the explanation', async () => explanation.url().includes('/explain.html?url='));
    expect(explanation.url()).not.toContain('SECRET');
    expect(explanation.url()).toContain(encodeURIComponent(`http://127.0.0.1:${port}/`));
    await settle(session);
    // Kept for Retry in this tab's session state only, which is never written to disk.
    const before = await storedText(session);
    expect(before.local).not.toContain('SECRET');
    expect(before.sync).not.toContain('SECRET');
    expect(before.session.match(/SECRET/g)).toHaveLength(1);
    // The CLI is back: Retry loads what failed, query included.
    callback = await startServer({ '/': 'signed in' }, port);
    const retry = await waitFor('Retry', () => explanation.$('[data-testid="retry"]'));
    await retry.click();
    await waitFor('the callback to load', async () => explanation.url() === secretUrl(port));
    // Once, query and all (the browser may ask the server for its icon too, as for any page).
    expect(callback.requests.map((request) => request.url).filter((url) => url !== '/favicon.ico')).toEqual([
      '/?code=SECRET-c0de&state=x',
    ]);
    await settle(session);
    const after = await storedText(session);
    expect(Object.values(after).join('')).not.toContain('SECRET');
    // The popup's history has the address, not the code.
    const popup = await session.newPage();
    await popup.goto(session.extensionUrl('/popup.html'));
    const address = `127.0.0.1:${port}`;
    await waitFor('the history row', () =>
      popup.$eval('body', (body, text) => body.innerText.includes(text), address),
    );
    expect(await popup.$eval('body', (body) => body.innerText)).not.toContain('SECRET');
    await popup.close();
  });

  it("the browser's history keeps the explanation's address without the code", async () => {
    // Chromium writes its history database on the way out.
    await session.close();
    const urls = historyUrls(join(profile, 'Default', 'History'), 'urls');
    const explanations = urls.filter((url) => url.includes('/explain.html'));
    expect(explanations.length).toBeGreaterThan(0);
    expect(explanations.filter((url) => url.includes('SECRET'))).toEqual([]);
  });
});
