import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionGlobals } from '../support/extension-api';
import {
  firefoxError,
  goInside,
  launchFirefox,
  locationOf,
  openBlocked,
  settle,
  startNavigation,
  type FirefoxSession,
} from '../support/firefox';
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

describe('Firefox: the options page drives what Port Doctor does', () => {
  let session: FirefoxSession;
  let options: Page;

  beforeAll(async () => {
    session = await launchFirefox();
    // BiDi cannot open moz-extension:// pages directly: go through an explanation page.
    options = await openBlocked(session, 'http://localhost:6667/');
    await goInside(options, session, '/options.html');
    await waitForOptions(options);
  });

  afterAll(async () => {
    await session?.close();
  });

  /** Types the URL in a new tab; returns where the tab is and its badge once the extension had time to act. */
  async function visit(url: string): Promise<{ url: string; badge: string; page: Page }> {
    const page = await session.newPage();
    startNavigation(page, url);
    // Firefox's own refusal, on its error page: the extension is to leave that page alone.
    expect(await firefoxError(page)).toBe('deniedPortAccess');
    await settle(session, options);
    const badge = await options.evaluate(async (target: string) => {
      const { browser } = globalThis as unknown as ExtensionGlobals;
      const tab = (await browser.tabs.query({})).find((candidate) => candidate.url === target);
      return tab ? browser.action.getBadgeText({ tabId: tab.id }) : 'no such tab';
    }, url);
    return { url: await locationOf(page), badge, page };
  }

  it('"badge only": localhost:6000 no longer redirects, the button is marked', async () => {
    await chooseReaction(options, 'blockedNavigation', 'badge');
    await statusSays(options, 'Saved.');
    const { url, badge, page } = await visit('http://localhost:6000/badge');
    expect(url).not.toContain('/explain.html');
    expect(badge).toBe('!');
    await page.close();
  });

  it('refuses a bad entry inline, then with 6000 unblocked says nothing at all', async () => {
    await typeEntry(options, 'unblocked-ports', '6669-6665');
    await waitFor('the inline error', async () =>
      (await listError(options, 'unblocked-ports')).includes('"6669-6665" is not a port'),
    );
    await options.$eval(
      '[data-testid="unblocked-ports"] input',
      (field) => ((field as HTMLInputElement).value = ''),
    );
    await typeEntry(options, 'unblocked-ports', '6000');
    await waitFor('6000 in the list', async () =>
      (await entries(options, 'unblocked-ports')).includes('6000'),
    );
    await statusSays(options, 'Saved.');
    const { url, badge, page } = await visit('http://localhost:6000/quiet');
    expect(url).not.toContain('/explain.html');
    expect(badge).toBe('');
    await page.close();
  });

  it('reset brings the explanation back', async () => {
    await options.click('[data-testid="reset"]');
    await statusSays(options, 'All settings are back to their defaults.');
    expect(await checkedReaction(options, 'blockedNavigation')).toBe('explain');
    const page = await openBlocked(session, 'http://localhost:6000/again');
    expect(await locationOf(page)).toContain('/explain.html?');
    await page.close();
  });
});
