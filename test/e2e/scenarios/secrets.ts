/**
 * A secret in a local URL outlives its tab nowhere, in every engine: a refused OAuth loopback callback is
 * explained without its query, Retry loads it whole, and then no storage area, extension page address, popup
 * or entry of the browser's history holds the code.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { ExtensionGlobals } from '../support/extension-api.ts';
import { ENGINES, launchDriver, type BrowserDriver, type Engine } from '../support/driver.ts';
import { closedPort } from '../support/ports.ts';
import { startServer, type TestServer } from '../support/server.ts';
import { waitFor } from '../support/wait.ts';
import { suite } from './scenario.ts';

interface Callback {
  driver: BrowserDriver;
  /** The callback's port: nothing listens there until the CLI is back. */
  port: number;
  callback?: TestServer;
}

const secretUrl = (port: number) => `http://127.0.0.1:${port}/?code=SECRET-c0de&state=x`;

/** Every storage area of the extension, as text. */
const storedText = (driver: BrowserDriver) =>
  driver.inExtension(async () => {
    const { browser } = globalThis as unknown as ExtensionGlobals;
    const [local, sync, session] = await Promise.all(
      [browser.storage.local, browser.storage.sync, browser.storage.session].map((area) => area.get()),
    );
    return { local: JSON.stringify(local), sync: JSON.stringify(sync), session: JSON.stringify(session) };
  });

/**
 * What shows that the history read is the one the browser writes: Chromium keeps the explanation's address;
 * Firefox 153 keeps no moz-extension: address at all, but the user's own navigation, as it keeps any.
 */
const HISTORY_HOLDS: Record<Engine, 'the explanation' | 'the failed address'> = {
  chromium: 'the explanation',
  firefox: 'the failed address',
};

export const SECRETS = [
  suite<Callback>({
    title: 'a refused OAuth loopback callback with its code',
    start: async (engine) => {
      const driver = await launchDriver(engine, {
        userDataDir: mkdtempSync(join(tmpdir(), 'port-doctor-profile-')),
      });
      await driver.storeSettings({ localFailures: 'explain' });
      return { driver, port: await closedPort() };
    },
    stop: async (context) => {
      await context.driver.close();
      await context.callback?.close();
    },
    scenarios: [
      {
        title: 'is explained without its query; Retry in the tab loads it whole; nothing keeps it',
        engines: ENGINES,
        run: async (context) => {
          const { driver, port } = context;
          const tab = await driver.newPage();
          await driver.navigateFailing(tab, secretUrl(port), /ERR_CONNECTION_REFUSED|ERR_ABORTED/);
          await driver.explained(tab);
          expect(await driver.locationOf(tab)).not.toContain('SECRET');
          expect(await driver.locationOf(tab)).toContain(encodeURIComponent(`http://127.0.0.1:${port}/`));
          await driver.settle();
          // Kept whole for Retry in this tab's session state only, which is never written to disk: the
          // sentinel that Port Doctor has recorded it.
          const before = await waitFor('the failure kept for Retry', async () => {
            const stored = await storedText(driver);
            return stored.session.includes('SECRET') && stored;
          });
          expect(before.local).not.toContain('SECRET');
          expect(before.sync).not.toContain('SECRET');
          expect(before.session.match(/SECRET/g)).toHaveLength(1);
          // The CLI is back: Retry loads what failed, query included.
          const callback = await startServer({ '/': 'signed in' }, port);
          context.callback = callback;
          const retry = await waitFor('Retry', () => tab.$('[data-testid="retry"]'));
          await retry.click();
          await waitFor(
            'the callback to load',
            async () => (await driver.locationOf(tab)) === secretUrl(port),
          );
          // Once, query and all (the browser may ask the server for its icon too, as for any page).
          expect(
            callback.requests.map((request) => request.url).filter((url) => url !== '/favicon.ico'),
          ).toEqual(['/?code=SECRET-c0de&state=x']);
          await driver.settle();
          expect(Object.values(await storedText(driver)).join('')).not.toContain('SECRET');
          // The popup's history has the address, not the code.
          const popup = await driver.openExtensionPage('/popup.html');
          const address = `127.0.0.1:${port}`;
          await waitFor('the history row', () =>
            popup.$eval('body', (body, shown) => body.innerText.includes(shown), address),
          );
          expect(await popup.$eval('body', (body) => body.innerText)).not.toContain('SECRET');
          await popup.close();
        },
      },
      {
        title: "the browser's history keeps no extension page's address with the code",
        engines: ENGINES,
        run: async ({ driver, port }) => {
          const ours = driver.extensionUrl('');
          const urls = await driver.historyAfterClose();
          expect(urls.filter((url) => url.startsWith(ours) && url.includes('SECRET'))).toEqual([]);
          if (HISTORY_HOLDS[driver.engine] === 'the explanation')
            expect(urls.filter((url) => url.startsWith(`${ours}explain.html`)).length).toBeGreaterThan(0);
          else expect(urls).toContain(secretUrl(port));
        },
      },
    ],
  }),
];
