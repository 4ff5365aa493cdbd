/** The failure kinds beyond blocked ports, each from a real setup, in the production build (Firefox). */
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
} from '../support/firefox';
import {
  SERVED_TEXT,
  startEverywhereServer,
  startHttpsServer,
  startIpv6OnlyServer,
  startAirTunesStandIn,
  startAskingPage,
  startResettingServer,
  type Running,
} from '../support/real-servers';
import { typeLookup } from '../support/popup';
import { startServer, type TestServer } from '../support/server';
import { expectShown, waitFor } from '../support/wait';

const text = (page: Page, selector: string) =>
  page.$eval(selector, (element) => (element as HTMLElement).innerText);

describe('Firefox: failure kinds from real servers', () => {
  let session: FirefoxSession;
  const servers: Running[] = [];

  beforeAll(async () => {
    session = await launchFirefox();
    const control = await controlPage(session);
    await control.evaluate(() =>
      (globalThis as unknown as ExtensionGlobals).browser.storage.local.set({
        settings: { blockedNavigation: 'explain', localFailures: 'explain' },
      }),
    );
  });

  afterAll(async () => {
    await session?.close();
    for (const server of servers) await server.close();
  });

  it('http://0.0.0.0:P with a server listening: Firefox refuses it; "Open on localhost" opens it [kind:zero-host]', async () => {
    const everywhere = await startEverywhereServer();
    servers.push(everywhere);
    const page = await openBlocked(
      session,
      `http://0.0.0.0:${everywhere.port}/`,
      /NS_ERROR_CONNECTION_REFUSED|timeout/,
    );
    expect(await text(page, 'h1')).toBe('0.0.0.0 is where a server listens, not an address to open');
    expect(await axeViolations(page)).toEqual([]);
    await page.click('[data-testid="use-localhost"]');
    await waitFor(
      'the page on localhost',
      async () => (await locationOf(page)) === `http://localhost:${everywhere.port}/`,
    );
    await expectShown(page, '#app', SERVED_TEXT);
    await page.close();
  });

  it('http:// to a real HTTPS server: Firefox calls it a reset; https:// comes first [kind:connection-reset]', async () => {
    const tls = await startHttpsServer();
    servers.push(tls);
    const page = await openBlocked(session, `http://localhost:${tls.port}/`, /NS_ERROR_NET_RESET|timeout/);
    expect(await text(page, 'h1')).toBe(`The server on port ${tls.port} cut the connection`);
    await expectShown(page, '[data-testid="checklist"] li', 'It may be an HTTPS server');
    expect(await text(page, '[data-testid="use-https"]')).toBe('Try https://');
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('a server on ::1 only, opened as 127.0.0.1: the probe finds it, localhost opens it [kind:loopback-mismatch]', async () => {
    const v6 = await startIpv6OnlyServer();
    servers.push(v6);
    const page = await openBlocked(
      session,
      `http://127.0.0.1:${v6.port}/`,
      /NS_ERROR_CONNECTION_REFUSED|timeout/,
    );
    await expectShown(page, 'h1', `Your server on port ${v6.port} listens on the other loopback address`);
    await expectShown(page, '.summary', `[::1]:${v6.port} answers`);
    expect(await axeViolations(page)).toEqual([]);
    await page.click('[data-testid="use-localhost"]');
    await waitFor(
      'the page on localhost',
      async () => (await locationOf(page)) === `http://localhost:${v6.port}/`,
    );
    await expectShown(page, '#app', SERVED_TEXT);
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

  it('a server that resets the connection: the same explanation [kind:connection-reset]', async () => {
    const reset = await startResettingServer();
    servers.push(reset);
    const page = await openBlocked(session, `http://127.0.0.1:${reset.port}/`, /NS_ERROR_NET_RESET|timeout/);
    expect(await text(page, 'h1')).toBe(`The server on port ${reset.port} cut the connection`);
    await expectShown(page, '[data-testid="checklist"]', 'Docker or WSL2');
    await page.close();
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
