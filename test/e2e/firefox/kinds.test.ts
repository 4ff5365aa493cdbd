/**
 * The failure kinds' cases only Firefox has, from real setups, in the production build: a name found local by
 * dns.resolve, AirPlay with no response to read, the popup reading a page, Local Network Access's prompt. The
 * kinds every engine shows the same way are rows of test/e2e/scenarios/kinds.ts.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe';
import type { ExtensionGlobals } from '../support/extension-api';
import {
  controlPage,
  goInside,
  launchFirefox,
  locationOf,
  openBlocked,
  settle,
  type FirefoxSession,
  storeSettings,
} from '../support/firefox';
import {
  startEverywhereServer,
  startAirTunesStandIn,
  startAskingPage,
  startVite,
  VITE_APP_TEXT,
  type Running,
} from '../support/real-servers';
import { typeLookup } from '../support/popup';
import { startServer, type TestServer } from '../support/server';
import { expectShown, waitFor } from '../support/wait';

interface StoredFailure {
  url: string;
  kind: string;
  code: string;
  tabId: number;
}

const text = (page: Page, selector: string) =>
  page.$eval(selector, (element) => (element as HTMLElement).innerText);

describe('Firefox: failure kinds from real servers', () => {
  let session: FirefoxSession;
  const servers: Running[] = [];

  beforeAll(async () => {
    // devbox.test and myapp.dev reach this machine, as a hosts-file entry would make them.
    const names = ['devbox.test', 'myapp.dev'];
    session = await launchFirefox({
      prefs: {
        'network.dns.localDomains': names.join(','),
        // Lets the test open the popup as the toolbar button does (action.openPopup needs a click otherwise).
        'extensions.openPopupWithoutUserGesture.enabled': true,
        // A permission asked for by a click is granted without Firefox's prompt, which a test cannot answer.
        'extensions.webextOptionalPermissionPrompts': false,
      },
    });
    const control = await controlPage(session);
    await storeSettings(control, { blockedNavigation: 'explain', localFailures: 'explain' });
  });

  afterAll(async () => {
    await session?.close();
    for (const server of servers) await server.close();
  });

  it('devbox.test, mapped to this machine, refused: local by its address (dns.resolve), so the refusal is explained', async () => {
    // A port nothing listens on: one the OS handed out a moment ago.
    const closed = await startEverywhereServer();
    await closed.close();
    const page = await openBlocked(session, `http://devbox.test:${closed.port}/`);
    expect(await text(page, 'h1')).toBe(`Nothing is listening on port ${closed.port}`);
    await expectShown(page, '[data-testid="failed-url"]', `http://devbox.test:${closed.port}/`);
    // Local by its address, not its spelling: what the session learned.
    const stored = await page.evaluate(() =>
      (globalThis as unknown as ExtensionGlobals).browser.storage.session.get('resolvedLocalHosts'),
    );
    expect(stored.resolvedLocalHosts).toContain('devbox.test');
    await page.close();
  });

  it('AirPlay Receiver on 7000: Firefox gives extensions no response to read, so the popup names AirPlay for the port', async () => {
    const airplay = await startAirTunesStandIn(7000);
    try {
      const page = await session.newPage();
      await page.goto('http://localhost:7000/');
      const control = await controlPage(session);
      await settle(session, control);
      const stored = await control.evaluate(() =>
        (globalThis as unknown as ExtensionGlobals).browser.storage.session.get('tabFailures'),
      );
      const failures = Object.values((stored.tabFailures ?? {}) as Record<string, { url: string }[]>).flat();
      expect(failures.filter((failure) => failure.url.includes(':7000'))).toEqual([]);
      expect(await locationOf(page)).toBe('http://localhost:7000/');
      await goInside(control, session, '/popup.html');
      await typeLookup(control, '7000');
      await expectShown(control, 'main', 'AirPlay Receiver');
      await page.close();
    } finally {
      await airplay.close();
    }
  });

  // Firefox gives activeTab only to a real click on the toolbar button, which no test driver can make: here
  // Port Doctor gets to read the page through "Watch requests on all sites", granted by a click on the options
  // page (the Chromium test clicks the button itself).
  it('a real Vite reached as devbox.test: the popup opened on its tab reads the 403; the explanation gives the allowedHosts line [kind:host-guard]', async () => {
    const vite = await startVite();
    try {
      const page = await session.newPage();
      const response = await page.goto(`http://devbox.test:${vite.port}/`);
      expect(response?.status()).toBe(403);
      const control = await controlPage(session);
      const failureFor = async (url: string) => {
        const stored = await control.evaluate(() =>
          (globalThis as unknown as ExtensionGlobals).browser.storage.session.get('tabFailures'),
        );
        return Object.values((stored.tabFailures ?? {}) as Record<string, StoredFailure[]>)
          .flat()
          .find((failure) => failure.url === url);
      };
      const url = `http://devbox.test:${vite.port}/`;
      // The page loads: nothing told Port Doctor, which says nothing until asked.
      await settle(session, control);
      expect(await failureFor(url)).toBeUndefined();
      await goInside(control, session, '/options.html');
      // Access to all sites, granted by the click, is taken back whatever happens: later tests run without it.
      let failure: StoredFailure;
      try {
        await control.click('[data-testid="all-sites"]');
        await waitFor('access to all sites', () =>
          control.evaluate(() =>
            (globalThis as unknown as ExtensionGlobals).browser.permissions.contains({
              origins: ['http://*/*'],
            }),
          ),
        );
        // The toolbar button, with Vite's tab in front: the popup asks the background to read that tab.
        await page.bringToFront();
        await control.evaluate(() => (globalThis as unknown as ExtensionGlobals).browser.action.openPopup());
        failure = await waitFor('the refusal read from the page', () => failureFor(url));
        expect(failure).toMatchObject({ kind: 'host-guard', code: 'HTTP 403 from Vite: host not allowed' });
        // The badge follows the record.
        await waitFor('the badge', async () => {
          const badge = await control.evaluate(
            (tabId: number) =>
              (globalThis as unknown as ExtensionGlobals).browser.action.getBadgeText({ tabId }),
            failure.tabId,
          );
          return badge === '!';
        });
        expect(await locationOf(page)).toBe(url);
      } finally {
        await control.evaluate(() =>
          (globalThis as unknown as ExtensionGlobals).browser.permissions.remove({
            origins: ['http://*/*', 'https://*/*'],
          }),
        );
      }
      // What the popup's link opens.
      const explanation = `/explain.html?${new URLSearchParams({ url, code: failure.code }).toString()}`;
      await goInside(control, session, explanation);
      await expectShown(control, '.summary', 'devbox.test is not on its list');
      await expectShown(control, '[data-testid="checklist"]', "server: { allowedHosts: ['devbox.test'] }");
      expect(await axeViolations(control)).toEqual([]);
      // The last use of the control page in this session: the fix takes its tab to Vite on localhost.
      await control.click('[data-testid="use-localhost"]');
      await waitFor(
        'Vite on localhost',
        async () => (await locationOf(control)) === `http://localhost:${vite.port}/`,
      );
      await expectShown(control, '#app', VITE_APP_TEXT);
      await page.close();
    } finally {
      await vite.stop();
    }
  });
});

describe('Firefox: a public page asking a local server (Local Network Access)', () => {
  let session: FirefoxSession;
  let local: TestServer;
  let asking: Running;

  beforeAll(async () => {
    local = await startServer({ '/api': 'local answer' });
    asking = await startAskingPage(local.origin);
    // Firefox's testing prefs: this one local page counts as the internet, and LNA is enforced.
    session = await launchFirefox({
      prefs: {
        'network.lna.address_space.public.override': `127.0.0.1:${asking.port}`,
        'network.lna.blocking': true,
      },
    });
  });

  afterAll(async () => {
    await session?.close();
    await asking?.close();
    await local?.close();
  });

  it('Firefox asks the user and the request waits: no event reaches the extension, nothing to explain', async () => {
    const page = await session.newPage();
    await page.goto(`http://127.0.0.1:${asking.port}/fetch`, { waitUntil: 'domcontentloaded' });
    // The sentinel: a failure sent after the fetch is handled; had the fetch been reported, it would be too.
    const control = await controlPage(session);
    await settle(session, control);
    const stored = await control.evaluate(() =>
      (globalThis as unknown as ExtensionGlobals).browser.storage.session.get('tabFailures'),
    );
    const failures = Object.values((stored.tabFailures ?? {}) as Record<string, { url: string }[]>).flat();
    expect(failures.filter((failure) => failure.url.startsWith(local.origin))).toEqual([]);
    expect(local.hits.get('/api') ?? 0).toBe(0);
    expect(await page.title()).toBe('asking');
    await page.close();
  });
});
