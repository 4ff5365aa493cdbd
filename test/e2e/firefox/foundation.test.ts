import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionGlobals } from '../support/extension-api';
import { goInside, launchFirefox, openBlocked, type FirefoxSession } from '../support/firefox';
import { expectShown, waitFor } from '../support/wait';

const text = (page: Page, selector: string) =>
  page.$eval(selector, (element) => (element as HTMLElement).innerText);

describe('Firefox, production build', () => {
  let session: FirefoxSession;

  beforeAll(async () => {
    session = await launchFirefox();
  });

  afterAll(async () => {
    await session?.close();
  });

  it('explains http://localhost:6000/ from the committed error page (Firefox fires no error event)', async () => {
    const page = await openBlocked(session, 'http://localhost:6000/');
    expect(await text(page, 'h1')).toBe('Your browser blocked port 6000');
    await expectShown(page, '[data-testid="service"]', 'X11 window system');
    expect(await text(page, '[data-testid="failed-url"]')).toBe('http://localhost:6000/');
    // What the background recorded for the tab, read from an extension page.
    const stored = await page.evaluate(() =>
      (globalThis as unknown as ExtensionGlobals).browser.storage.session.get('tabFailures'),
    );
    const failures = Object.values(
      stored.tabFailures as Record<string, { url: string; code: string }[]>,
    ).flat();
    expect(failures).toContainEqual(
      expect.objectContaining({ url: 'http://localhost:6000/', code: 'NS_ERROR_PORT_ACCESS_NOT_ALLOWED' }),
    );
    await page.close();
  });

  it('renders the options page, which reaches the background, and the popup', async () => {
    const page = await openBlocked(session, 'http://127.0.0.1:10080/');
    await goInside(page, session, '/options.html');
    expect(await page.title()).toBe('Port Doctor settings');
    const status = await waitFor('background status', () => page.$('[data-testid="background-status"]'));
    expect(await status.evaluate((element) => element.textContent)).toMatch(
      /^Port Doctor \d+\.\d+\.\d+ is running\.$/,
    );
    // The popup, opened in the tab that failed, leads with that tab's failure.
    await goInside(page, session, '/popup.html');
    expect(await text(page, 'h1')).toBe('Port Doctor');
    await expectShown(page, '[data-testid="tab-diagnosis"]', 'Your browser blocked port 10080');
    await page.close();
  });

  it('asks for no permission beyond its manifest', async () => {
    const page = await openBlocked(session, 'http://localhost:6667/');
    const permissions = await page.evaluate(() =>
      (globalThis as unknown as ExtensionGlobals).browser.permissions.getAll(),
    );
    expect(permissions.permissions?.sort()).toEqual([
      'activeTab',
      'dns',
      'scripting',
      'storage',
      'webNavigation',
    ]);
    await page.close();
  });

  it('logged no error in the extension pages', () => {
    expect(session.errors).toEqual([]);
  });
});
