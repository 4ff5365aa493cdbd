import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badgeOf, launchChromium, settle, REFUSED, type ChromiumSession } from '../support/chromium';
import type { ExtensionGlobals } from '../support/extension-api';
import {
  checkedReaction,
  chooseReaction,
  entries,
  listError,
  statusSays,
  typeEntry,
  waitForOptions,
} from '../support/options-page';
import { waitFor } from '../support/wait';

describe('Chromium: the options page drives what Port Doctor does', () => {
  let session: ChromiumSession;
  let options: Page;

  beforeAll(async () => {
    session = await launchChromium();
    options = await session.newPage();
    await options.goto(session.extensionUrl('/options.html'));
    await waitForOptions(options);
  });

  afterAll(async () => {
    await session?.close();
  });

  /** Types the URL in a new tab; returns where the tab ends up and its badge, once the dust settles. */
  async function visit(url: string): Promise<{ url: string; badge: string; page: Page }> {
    const page = await session.newPage();
    await expect(page.goto(url)).rejects.toThrow(REFUSED);
    await settle(session);
    return { url: page.url(), badge: await badgeOf(session, url), page };
  }

  it('"badge only": localhost:6000 no longer redirects, the button is marked', async () => {
    await options.bringToFront();
    await chooseReaction(options, 'blockedNavigation', 'badge');
    await statusSays(options, 'Saved.');
    const { url, badge, page } = await visit('http://localhost:6000/badge');
    expect(url).toBe('chrome-error://chromewebdata/');
    expect(badge).toBe('!');
    await page.close();
  });

  it('refuses a bad entry inline, then with 6000 unblocked says nothing at all', async () => {
    await options.bringToFront();
    await typeEntry(options, 'unblocked-ports', '70000');
    await waitFor('the inline error', async () =>
      (await listError(options, 'unblocked-ports')).includes('"70000" is not a port (1-65535)'),
    );
    expect(await entries(options, 'unblocked-ports')).toEqual([]);
    await options.$eval(
      '[data-testid="unblocked-ports"] input',
      (field) => ((field as HTMLInputElement).value = ''),
    );
    await typeEntry(options, 'unblocked-ports', '6000');
    await waitFor('6000 in the list', async () =>
      (await entries(options, 'unblocked-ports')).includes('6000'),
    );
    await statusSays(options, 'Saved.');
    expect(await listError(options, 'unblocked-ports')).toBe('');

    const { url, badge, page } = await visit('http://localhost:6000/quiet');
    expect(url).toBe('chrome-error://chromewebdata/');
    expect(badge).toBe('');
    await page.close();
  });

  it('reset brings the explanation back', async () => {
    await options.bringToFront();
    await options.click('[data-testid="reset"]');
    await statusSays(options, 'All settings are back to their defaults.');
    expect(await checkedReaction(options, 'blockedNavigation')).toBe('explain');
    expect(await entries(options, 'unblocked-ports')).toEqual([]);
    const page = await session.newPage();
    await expect(page.goto('http://localhost:6000/again')).rejects.toThrow(REFUSED);
    await waitFor('the explanation page', async () => page.url().includes('/explain.html?'));
    await page.close();
  });

  it('imports a good file, refuses a bad one and changes nothing', async () => {
    await options.bringToFront();
    const dir = tmpdir();
    const good = join(dir, 'port-doctor-good.json');
    const bad = join(dir, 'port-doctor-bad.json');
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
    const picker = (await options.$('input[data-testid="import-file"]')) as ElementHandle<HTMLInputElement>;
    await picker.uploadFile(good);
    await statusSays(options, 'Settings imported.');
    expect(await checkedReaction(options, 'blockedNavigation')).toBe('nothing');
    expect(await entries(options, 'preferred-ports')).toEqual(['8787']);

    await picker.uploadFile(bad);
    await statusSays(options, 'Nothing was changed. These settings in the file are not valid: historySize.');
    expect(await checkedReaction(options, 'blockedNavigation')).toBe('nothing');
    await options.click('[data-testid="reset"]');
    await statusSays(options, 'All settings are back to their defaults.');
  });

  // Last: it stops the worker, which ends the watch on its console.
  it('works with the defaults when every stored key was corrupted before it started', async () => {
    await session.inWorker(async () => {
      const { chrome } = globalThis as unknown as ExtensionGlobals;
      await chrome.storage.local.set({ settings: 42, settings$: 'v', history: { not: 'a list' } });
      await chrome.storage.sync.set({ settings: ['explain'], settings$: { v: 'two' } });
      await chrome.storage.session.set({ tabFailures: 'x', explained: 7 });
    });
    await session.stopWorker();
    const page = await session.newPage();
    await expect(page.goto('http://localhost:6000/corrupt')).rejects.toThrow(REFUSED);
    await waitFor('the explanation page', async () => page.url().includes('/explain.html?'));
    await options.reload();
    await waitForOptions(options);
    expect(await checkedReaction(options, 'blockedNavigation')).toBe('explain');
    await page.goto(session.extensionUrl('/popup.html'));
    await waitFor('the popup', () => page.$('[data-testid="lookup"]'));
    await page.close();
  });
});
