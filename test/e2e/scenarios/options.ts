/**
 * The options page drives what Port Doctor does, in every engine: a reaction chosen, a port unblocked, the
 * defaults back, a settings file imported. Each scenario opens its own options page and puts the defaults back
 * in `finally`.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { expect } from 'vitest';
import { ENGINES, launchDriver, type BrowserDriver, type Engine } from '../support/driver.ts';
import {
  checkedReaction,
  chooseReaction,
  entries,
  listError,
  statusSays,
  typeEntry,
  waitForOptions,
} from '../support/options-page.ts';
import { waitFor } from '../support/wait.ts';
import { suite, type Scenario } from './scenario.ts';

/** What the browser's own error page names for a blocked port, which Port Doctor is to leave alone here. */
const OWN_REFUSAL: Record<Engine, string> = { chromium: 'ERR_UNSAFE_PORT', firefox: 'deniedPortAccess' };

/** Types the URL in a new tab; returns the badge once the extension has handled it, and the tab. */
async function visit(driver: BrowserDriver, url: string): Promise<{ badge: string; page: Page }> {
  const page = await driver.newPage();
  await driver.navigateFailing(page, url);
  expect(await driver.errorPage(page)).toBe(OWN_REFUSAL[driver.engine]);
  await driver.settle();
  // Still the browser's own page once everything was handled: Port Doctor did not take the tab.
  expect(await driver.errorPage(page)).toBe(OWN_REFUSAL[driver.engine]);
  expect(await driver.locationOf(page)).not.toContain('/explain.html');
  return { badge: await driver.badgeOf(url), page };
}

/** Runs `steps` on a fresh options page, then closes it and stores the defaults again. */
async function onOptions(driver: BrowserDriver, steps: (options: Page) => Promise<void>): Promise<void> {
  const options = await driver.openExtensionPage('/options.html');
  try {
    await waitForOptions(options);
    await steps(options);
  } finally {
    await options.close();
    await driver.storeSettings({});
  }
}

const scenarios: Scenario<BrowserDriver>[] = [
  {
    title: '"badge only": localhost:6000 no longer redirects, the button is marked',
    engines: ENGINES,
    run: (driver) =>
      onOptions(driver, async (options) => {
        await chooseReaction(options, 'blockedNavigation', 'badge');
        await statusSays(options, 'Saved.');
        const { badge, page } = await visit(driver, 'http://localhost:6000/badge');
        expect(badge).toBe('!');
        await page.close();
      }),
  },
  {
    title: 'refuses a bad entry inline, then with 6000 unblocked says nothing at all',
    engines: ENGINES,
    run: (driver) =>
      onOptions(driver, async (options) => {
        const clear = () =>
          options.$eval('[data-testid="unblocked-ports"] input', (field) => {
            (field as HTMLInputElement).value = '';
          });
        for (const [entry, error] of [
          ['70000', '"70000" is not a port (1-65535)'],
          ['6669-6665', '"6669-6665" is not a port'],
        ] as const) {
          await typeEntry(options, 'unblocked-ports', entry);
          await waitFor('the inline error', async () =>
            (await listError(options, 'unblocked-ports')).includes(error),
          );
          expect(await entries(options, 'unblocked-ports')).toEqual([]);
          await clear();
        }
        await typeEntry(options, 'unblocked-ports', '6000');
        await waitFor('6000 in the list', async () =>
          (await entries(options, 'unblocked-ports')).includes('6000'),
        );
        await statusSays(options, 'Saved.');
        expect(await listError(options, 'unblocked-ports')).toBe('');
        const { badge, page } = await visit(driver, 'http://localhost:6000/quiet');
        expect(badge).toBe('');
        await page.close();
      }),
  },
  {
    title: 'reset brings the explanation back',
    engines: ENGINES,
    run: (driver) =>
      onOptions(driver, async (options) => {
        await chooseReaction(options, 'blockedNavigation', 'badge');
        await statusSays(options, 'Saved.');
        await typeEntry(options, 'unblocked-ports', '6000');
        await waitFor('6000 in the list', async () =>
          (await entries(options, 'unblocked-ports')).includes('6000'),
        );
        await options.click('[data-testid="reset"]');
        await statusSays(options, 'All settings are back to their defaults.');
        expect(await checkedReaction(options, 'blockedNavigation')).toBe('explain');
        expect(await entries(options, 'unblocked-ports')).toEqual([]);
        const page = await driver.newPage();
        await driver.navigateFailing(page, 'http://localhost:6000/again');
        await driver.explained(page, '6000%2Fagain');
        await page.close();
      }),
  },
  {
    title: 'imports a good file, refuses a bad one and changes nothing',
    engines: ENGINES,
    run: (driver) =>
      onOptions(driver, async (options) => {
        const dir = mkdtempSync(join(tmpdir(), 'port-doctor-import-'));
        const good = join(dir, 'good.json');
        const bad = join(dir, 'bad.json');
        writeFileSync(
          good,
          JSON.stringify({
            format: 'port-doctor-settings',
            version: 2,
            settings: { blockedNavigation: 'nothing', preferredPorts: [8787] },
          }),
        );
        writeFileSync(
          bad,
          JSON.stringify({ format: 'port-doctor-settings', version: 2, settings: { historySize: 'lots' } }),
        );
        const picker = (await options.$(
          'input[data-testid="import-file"]',
        )) as ElementHandle<HTMLInputElement>;
        await picker.uploadFile(good);
        await statusSays(options, 'Settings imported.');
        expect(await checkedReaction(options, 'blockedNavigation')).toBe('nothing');
        expect(await entries(options, 'preferred-ports')).toEqual(['8787']);

        await picker.uploadFile(bad);
        await statusSays(
          options,
          'Nothing was changed. These settings in the file are not valid: historySize.',
        );
        expect(await checkedReaction(options, 'blockedNavigation')).toBe('nothing');
        await options.click('[data-testid="reset"]');
        await statusSays(options, 'All settings are back to their defaults.');
      }),
  },
];

export const OPTIONS = [
  suite<BrowserDriver>({
    title: 'the options page drives what Port Doctor does',
    start: (engine) => launchDriver(engine),
    stop: (driver) => driver.close(),
    scenarios,
  }),
];
