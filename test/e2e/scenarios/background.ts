/**
 * The background stopped as the browser stops it when idle (Chromium's service worker, Firefox's event page),
 * and started again by the next failure, in every engine: it still explains, also from a store every key of
 * which was corrupted meanwhile.
 */
import { expect } from 'vitest';
import type { ExtensionGlobals } from '../support/extension-api.ts';
import { ENGINES, launchDriver, type BrowserDriver } from '../support/driver.ts';
import { checkedReaction, waitForOptions } from '../support/options-page.ts';
import { text } from '../support/text.ts';
import { waitFor } from '../support/wait.ts';
import { suite } from './scenario.ts';

export const BACKGROUND = [
  suite<BrowserDriver>({
    title: 'the background stopped as when idle, and started again',
    // The event page idles 1 s in Firefox, so that stopBackground does not wait 30 s.
    start: (engine) => launchDriver(engine, { quickIdle: true }),
    stop: (driver) => driver.close(),
    scenarios: [
      {
        title: 'still explains after the background was stopped',
        engines: ENGINES,
        run: async (driver) => {
          const before = await driver.backgroundStartedAt();
          await driver.stopBackground();
          const page = await driver.openExplained('http://localhost:6666/');
          expect(await text(page, 'h1')).toBe('Your browser blocked port 6666');
          expect(await driver.backgroundStartedAt()).not.toBe(before);
          await page.close();
        },
      },
      {
        title: 'works with the defaults when every stored key was corrupted before it started',
        engines: ENGINES,
        run: async (driver) => {
          try {
            await driver.inExtension(async () => {
              const { browser } = globalThis as unknown as ExtensionGlobals;
              await browser.storage.local.set({ settings: 42, settings$: 'v', history: { not: 'a list' } });
              await browser.storage.sync.set({ settings: ['explain'], settings$: { v: 'two' } });
              await browser.storage.session.set({ tabFailures: 'x', explained: 7 });
            });
            await driver.stopBackground();
            const page = await driver.newPage();
            await driver.navigateFailing(page, 'http://localhost:6000/corrupt');
            await driver.explained(page, '6000%2Fcorrupt');
            const options = await driver.openExtensionPage('/options.html');
            await waitForOptions(options);
            expect(await checkedReaction(options, 'blockedNavigation')).toBe('explain');
            await options.close();
            await driver.openExtensionPage('/popup.html', page);
            await waitFor('the popup', () => page.$('[data-testid="lookup"]'));
            await page.close();
          } finally {
            await driver.inExtension(async () => {
              const { browser } = globalThis as unknown as ExtensionGlobals;
              await browser.storage.local.remove(['settings$', 'history']);
              await browser.storage.sync.remove('settings$');
              await browser.storage.session.remove(['tabFailures', 'explained']);
            });
            await driver.storeSettings({});
          }
        },
      },
    ],
  }),
];
