/**
 * Firefox only: it tells extensions nothing of a page's own requests to a blocked port, and of a frame redirected
 * to one only the address before the redirect (README "What each browser lets an extension see"); Port Doctor
 * says so where the user would look for what it cannot show.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spyPage } from '../fixtures/hostile.ts';
import { launchDriver, type BrowserDriver } from '../support/driver.ts';
import type { ExtensionGlobals } from '../support/extension-api.ts';
import { startServer, type TestServer } from '../support/server.ts';
import { expectShown, waitFor } from '../support/wait.ts';

const SAYS = "Firefox tells extensions nothing when a page's own request hits a blocked port";
const SECRET = 'SECRET-7b20d1';

describe('Firefox: what it does not let Port Doctor see', () => {
  let driver: BrowserDriver;
  let server: TestServer;
  let other: TestServer;

  beforeAll(async () => {
    other = await startServer({
      '/redirect': { status: 302, headers: { location: `http://127.0.0.1:6000/cb?code=${SECRET}` } },
    });
    server = await startServer({ '/spy': spyPage(`${other.origin}/redirect`, SECRET) });
    driver = await launchDriver('firefox');
  });

  afterAll(async () => {
    await driver?.close();
    await server?.close();
    await other?.close();
  });

  it('says so in the popup', async () => {
    const page = await driver.openExtensionPage('/popup.html');
    await expectShown(page, 'main', SAYS);
    await page.close();
  });

  it('says so on the options page', async () => {
    const page = await driver.openExtensionPage('/options.html');
    await expectShown(page, '[data-testid="firefox-note"]', SAYS);
    await page.close();
  });

  it('a frame redirected to a blocked port is reported under the address before the redirect', async () => {
    // What Firefox reports to extensions, seen from an extension page of the test's own.
    await driver.inExtension(() => {
      const scope = globalThis as unknown as ExtensionGlobals & { seen: { url: string; error: string }[] };
      scope.seen = [];
      scope.browser.webNavigation.onErrorOccurred.addListener((details) => void scope.seen.push(details));
    });
    const page = await driver.newPage();
    await page.goto(`${server.origin}/spy`);
    const seen = await waitFor('Firefox to report the frame', () =>
      driver.inExtension(
        (url: string) =>
          (globalThis as unknown as { seen: { url: string; error: string }[] }).seen.find(
            (event) => event.url === url,
          ),
        `${other.origin}/redirect`,
      ),
    );
    // NS_ERROR_PORT_ACCESS_NOT_ALLOWED, on the URL before the redirect: the blocked port is never named.
    expect(seen.error).toBe('Error code 2152398867');
    await page.close();
  });
});
