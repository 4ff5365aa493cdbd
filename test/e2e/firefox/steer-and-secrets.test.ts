/**
 * Firefox: a page cannot make Port Doctor load a URL of its choosing, and a secret in a local URL outlives its
 * tab nowhere: in no storage area, no extension page's address, no entry of the browser's history.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { historyUrls } from '../support/browser-history';
import type { ExtensionGlobals } from '../support/extension-api';
import {
  controlPage,
  launchFirefox,
  locationOf,
  SENTINEL_MS,
  settle,
  startNavigation,
  storeSettings,
  type FirefoxSession,
} from '../support/firefox';
import { closedPort } from '../support/ports';
import { startServer, type TestServer } from '../support/server';
import { waitFor } from '../support/wait';

/** Every storage area of the extension, as text, read from one of its pages. */
function storedText(extensionPage: Page): Promise<Record<'local' | 'sync' | 'session', string>> {
  return extensionPage.evaluate(async () => {
    const { browser } = globalThis as unknown as ExtensionGlobals;
    const [local, sync, session] = await Promise.all(
      [browser.storage.local, browser.storage.sync, browser.storage.session].map((area) => area.get()),
    );
    return { local: JSON.stringify(local), sync: JSON.stringify(sync), session: JSON.stringify(session) };
  });
}

/** The tab (page) whose document is at an address starting with `prefix`. */
async function pageAt(session: FirefoxSession, prefix: string): Promise<Page | undefined> {
  for (const page of await session.browser.pages())
    if ((await locationOf(page).catch(() => '')).startsWith(prefix)) return page;
  return undefined;
}

describe('Firefox: an opener page steers the window Port Doctor explained', () => {
  let session: FirefoxSession;
  let opener: TestServer;
  let victim: TestServer;

  beforeAll(async () => {
    victim = await startServer({ '/a': 'victim a', '/b': 'victim b' });
    opener = await startServer({ '/': '<title>opener</title>opener' });
    session = await launchFirefox();
  });

  afterAll(async () => {
    await session?.close();
    await Promise.all([victim?.close(), opener?.close()]);
  });

  it('navigated twice right after the redirect: the extension loads nothing the page chose', async () => {
    const control = await controlPage(session);
    const page = await session.newPage();
    await page.goto(opener.origin);
    await page.evaluate(() => {
      (window as unknown as { w: Window | null }).w = window.open('http://localhost:6000/opened');
    });
    const explanation = session.extensionUrl('/explain.html?url=http%3A%2F%2Flocalhost%3A6000%2Fopened');
    await waitFor('the opened window to be explained', () => pageAt(session, explanation));
    await page.evaluate(
      (a: string, b: string) => {
        const { w } = window as unknown as { w: Window };
        w.location.href = a;
        w.location.href = b;
      },
      `${victim.origin}/a?from=page`,
      `${victim.origin}/b?from=page`,
    );
    // Firefox 153 lets no web page navigate a window that shows an extension page: the assignments throw no
    // error and go nowhere. Sentinel: the opener's own next navigation, which follows them.
    await page.evaluate((c: string) => void (location.href = c), `${victim.origin}/b?sentinel`);
    await waitFor('the sentinel request', async () => victim.requests.length > 0);
    await settle(session, control);
    const navigations = victim.requests.filter((request) => request.url !== '/favicon.ico');
    expect(navigations.map((request) => request.url)).toEqual(['/b?sentinel']);
    expect(await pageAt(session, explanation)).toBeDefined();
    await page.close();
  });
});

describe('Firefox: a refused OAuth loopback callback with its code', () => {
  let session: FirefoxSession;
  let profile: string;
  let port: number;
  let callback: TestServer | undefined;
  const secretUrl = (p: number) => `http://127.0.0.1:${p}/?code=SECRET-c0de&state=x`;

  beforeAll(async () => {
    profile = mkdtempSync(join(tmpdir(), 'port-doctor-profile-'));
    port = await closedPort();
    session = await launchFirefox({ userDataDir: profile });
  });

  afterAll(async () => {
    await session?.close();
    await callback?.close();
  });

  it('is explained without its query; Retry in the tab loads it whole; nothing keeps it', async () => {
    const control = await controlPage(session);
    await storeSettings(control, { localFailures: 'explain' });
    const tab = await session.newPage();
    // Firefox may never report the end of a navigation the extension moved on: not awaited.
    startNavigation(tab, secretUrl(port));
    await waitFor(
      'the explanation',
      async () => (await locationOf(tab)).includes('/explain.html?url='),
      SENTINEL_MS,
    );
    expect(await locationOf(tab)).not.toContain('SECRET');
    await settle(session, control);
    // The failure, kept whole for Retry in the tab's state: the sentinel that Port Doctor has recorded it.
    const before = await waitFor(
      'the failure kept for Retry',
      async () => {
        const stored = await storedText(control);
        return stored.session.includes('SECRET') && stored;
      },
      SENTINEL_MS,
    );
    expect(before.local).not.toContain('SECRET');
    expect(before.sync).not.toContain('SECRET');
    expect(before.session.match(/SECRET/g)).toHaveLength(1);
    callback = await startServer({ '/': 'signed in' }, port);
    const retry = await waitFor('Retry', () => tab.$('[data-testid="retry"]'));
    await retry.click();
    await waitFor('the callback to load', async () => (await locationOf(tab)) === secretUrl(port));
    expect(callback.requests.map((request) => request.url)).toContain('/?code=SECRET-c0de&state=x');
    await settle(session, control);
    expect(Object.values(await storedText(control)).join('')).not.toContain('SECRET');
  });

  it("the browser's history keeps no extension page's address with the code", async () => {
    await session.close();
    const urls = historyUrls(join(profile, 'places.sqlite'), 'moz_places');
    // The failing address itself is the user's own navigation, which Firefox keeps as it keeps any: it shows
    // that this is the history the browser writes. Firefox 153 keeps no moz-extension: address at all.
    expect(urls).toContain(secretUrl(port));
    expect(urls.filter((url) => url.startsWith('moz-extension:') && url.includes('SECRET'))).toEqual([]);
  });
});
