/** The failure kinds beyond blocked ports, each from a real setup, in the production build (Firefox). */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe';
import type { ExtensionGlobals } from '../support/extension-api';
import { controlPage, launchFirefox, locationOf, openBlocked, type FirefoxSession } from '../support/firefox';
import {
  SERVED_TEXT,
  startEverywhereServer,
  startHttpsServer,
  startResettingServer,
  type Running,
} from '../support/real-servers';
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

  it('a server that resets the connection: the same explanation [kind:connection-reset]', async () => {
    const reset = await startResettingServer();
    servers.push(reset);
    const page = await openBlocked(session, `http://127.0.0.1:${reset.port}/`, /NS_ERROR_NET_RESET|timeout/);
    expect(await text(page, 'h1')).toBe(`The server on port ${reset.port} cut the connection`);
    await expectShown(page, '[data-testid="checklist"]', 'Docker or WSL2');
    await page.close();
  });
});
