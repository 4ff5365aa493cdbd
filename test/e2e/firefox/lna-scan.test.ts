/**
 * Issue #25: "Running here" with Firefox's Local Network Access blocking on (network.lna.enabled and
 * network.lna.blocking, which Firefox is rolling out): the popup's requests to this machine's loopback addresses
 * are an extension page's, and Firefox lets them through without a prompt. Firefox only: Chromium's LNA does not
 * gate an extension's own pages (its kind, lna-denied, is about a web page's requests).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  controlPage,
  goInside,
  launchFirefox,
  openBlocked,
  storeSettings,
  type FirefoxSession,
} from '../support/firefox.ts';
import { startServer, type TestServer } from '../support/server.ts';
import { waitFor } from '../support/wait.ts';

describe('Firefox with Local Network Access blocking on: the popup still finds what runs here', () => {
  let session: FirefoxSession;
  let server: TestServer;

  beforeAll(async () => {
    server = await startServer({ '/': '<!doctype html><title>Inventory admin</title><p>hi</p>' });
    session = await launchFirefox({ prefs: { 'network.lna.enabled': true, 'network.lna.blocking': true } });
    await storeSettings(await controlPage(session), { scanPorts: [server.port] });
  });

  afterAll(async () => {
    if (session) await storeSettings(await controlPage(session), {});
    await session?.close();
    await server?.close();
  });

  it('lists a server on 127.0.0.1 with its title, no prompt asked', async () => {
    // An extension page may be opened only from another one (BiDi cannot navigate to it).
    const page = await openBlocked(session, 'http://localhost:6666/lna');
    await goInside(page, session, '/popup.html');
    const row = await waitFor('the server listed', () =>
      page
        .$eval(
          `[data-testid="running-row"][data-port="${server.port}"]`,
          (item) => (item as HTMLElement).innerText,
        )
        .catch(() => false as const),
    );
    expect(row).toContain('Inventory admin');
    expect(server.hits.get('/')).toBeGreaterThanOrEqual(1);
    await page.close();
  });
});
