/**
 * Issue #25, "another app here": the toolbar popup, opened on a local tab, names what that tab shows and says
 * when its port served another app before. Chromium only: it is the engine whose popup a test can open itself
 * (`chrome.action.openPopup()`, Chrome 127+), and the popup must read the real active tab; a popup page loaded
 * in a tab of its own (as the other popup tests do) is its own active tab.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type ChromiumSession } from '../support/chromium.ts';
import type { ExtensionGlobals } from '../support/extension-api.ts';
import { freePort, type Tool } from '../support/processes.ts';
import { startPythonHttpServer, startVite, VITE_APP_TEXT } from '../support/real-servers.ts';
import { expectShown, waitFor } from '../support/wait.ts';

/** Opens the toolbar popup on the active tab, as a click on the toolbar button does, and returns it. */
async function openToolbarPopup(session: ChromiumSession): Promise<Page> {
  const opened = session.browser.waitForTarget((target) => target.url().endsWith('/popup.html'));
  await session.inWorker(() => (globalThis as unknown as ExtensionGlobals).chrome.action.openPopup());
  return (await (await opened).asPage())!;
}

const remembered = async (session: ChromiumSession) =>
  JSON.stringify(
    await session.inWorker(
      async () => (await (globalThis as unknown as ExtensionGlobals).chrome.storage.local.get('apps')).apps,
    ),
  );

describe('Chromium: the popup on a local tab', () => {
  let session: ChromiumSession;
  let server: Tool | undefined;

  beforeAll(async () => {
    session = await launchChromium();
  });

  afterAll(async () => {
    await server?.stop();
    await session?.close();
  });

  it('names the app the tab shows, and the other app its port served before', async () => {
    const port = await freePort();
    server = await startVite({ port, title: 'shop' });
    const page = await session.newPage();
    await page.goto(`http://127.0.0.1:${port}/`);
    await expectShown(page, '#app', VITE_APP_TEXT);
    await waitFor('the app remembered', async () => (await remembered(session)).includes('"title":"shop"'));

    // The developer stops Vite and starts another project's server on the same port, then reloads the tab.
    await server.stop();
    await waitFor('Vite to be gone', () =>
      fetch(`http://127.0.0.1:${port}/`).then(
        () => false,
        () => true,
      ),
    );
    server = await startPythonHttpServer(port);
    await page.reload();
    await expectShown(page, 'h1', 'Directory listing for /');
    await waitFor('the port remembered with what it served before', async () =>
      (await remembered(session)).includes('"before"'),
    );

    await page.bringToFront();
    const popup = await openToolbarPopup(session);
    await expectShown(
      popup,
      '[data-testid="this-tab"]',
      `This tab (127.0.0.1:${port}): python -m http.server · Directory listing for /`,
    );
    // The first app was only ever seen in the tab (no scan while it ran): its title is all that is known.
    expect(
      await popup.$eval('[data-testid="another-app"]', (note) => (note as HTMLElement).innerText),
    ).toMatch(/^Another app answered here on [A-Z][a-z]{2} \d{1,2}: shop$/);
    await popup.close();
  });
});
