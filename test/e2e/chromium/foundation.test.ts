import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionGlobals } from '../support/extension-api';
import { API_ON_BLOCKED_PORTS, HEALTHY_PAGE } from '../fixtures/pages';
import { extensionWorlds, launchChromium, settle, REFUSED, type ChromiumSession } from '../support/chromium';
import { startServer, type TestServer } from '../support/server';
import { expectShown, waitFor } from '../support/wait';
import { exposeCardChromium } from '../support/card';

const text = (page: Page, selector: string) =>
  page.$eval(selector, (element) => (element as HTMLElement).innerText);

describe('Chromium, production build', () => {
  let session: ChromiumSession;
  let server: TestServer;

  beforeAll(async () => {
    server = await startServer({ '/': HEALTHY_PAGE, '/app': API_ON_BLOCKED_PORTS });
    session = await launchChromium({ deeperChecks: true });
  });

  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it('loads the extension with a live background', async () => {
    expect(
      await session.inWorker(
        () => (globalThis as unknown as ExtensionGlobals).chrome.runtime.getManifest().version,
      ),
    ).toMatch(/^\d+\.\d+\.\d+$/);
    const permissions = await session.inWorker(() =>
      (globalThis as unknown as ExtensionGlobals).chrome.permissions.getAll(),
    );
    // webRequest is optional; this session turned the deeper checks on (the overlay test needs them).
    expect(permissions.permissions?.sort()).toEqual([
      'activeTab',
      'scripting',
      'storage',
      'webNavigation',
      'webRequest',
    ]);
  });

  it('renders the popup with its translated text', async () => {
    const page = await session.newPage();
    await page.goto(session.extensionUrl('/popup.html'));
    await waitFor('popup title', () => page.$('h1'));
    expect(await text(page, 'h1')).toBe('Port Doctor');
    await expectShown(page, 'main', 'Nothing went wrong in this tab.');
    await page.close();
  });

  it('renders the options page, which reaches the background', async () => {
    const page = await session.newPage();
    await page.goto(session.extensionUrl('/options.html'));
    expect(await page.title()).toBe('Port Doctor settings');
    const status = await waitFor('background status', () => page.$('[data-testid="background-status"]'));
    expect(await status.evaluate((element) => element.textContent)).toMatch(
      /^Port Doctor \d+\.\d+\.\d+ is running\.$/,
    );
    await page.close();
  });

  it('explains http://localhost:6000/ after the background sees net::ERR_UNSAFE_PORT', async () => {
    const page = await session.newPage();
    await expect(page.goto('http://localhost:6000/')).rejects.toThrow(REFUSED);
    await waitFor('the explanation page', async () => page.url().includes('/explain.html?'));
    await waitFor('the headline', () => page.$eval('h1', (h1) => h1.textContent?.trim()));
    expect(await text(page, 'h1')).toBe('Your browser blocked port 6000');
    await expectShown(page, '[data-testid="service"]', 'X11 window system');
    expect(await text(page, '[data-testid="failed-url"]')).toBe('http://localhost:6000/');

    const stored = await session.inWorker(() =>
      (globalThis as unknown as ExtensionGlobals).chrome.storage.session.get('tabFailures'),
    );
    const failures = Object.values(
      stored.tabFailures as Record<string, { url: string; code: string }[]>,
    ).flat();
    expect(failures).toContainEqual(
      expect.objectContaining({ url: 'http://localhost:6000/', code: 'net::ERR_UNSAFE_PORT' }),
    );
    await page.close();
  });

  it('shows the overlay in a live page whose own fetch hit a blocked port', async () => {
    const page = await session.newPage();
    const worlds = await extensionWorlds(page, session.extensionId);
    await page.goto(`${server.origin}/app`);
    await exposeCardChromium(page);
    const card = await waitFor('the overlay card', () => page.$('pierce/aside'));
    expect(await card.evaluate((element) => (element as HTMLElement).innerText)).toContain(
      'A request on this page hit a blocked port',
    );
    expect(await text(page, '#app')).toBe('Dev app');
    expect(worlds).toEqual(['Port Doctor']);
    await page.close();
  });

  it('runs no extension code in a healthy page', async () => {
    const page = await session.newPage();
    const worlds = await extensionWorlds(page, session.extensionId);
    await page.goto(server.origin);
    expect(await text(page, '#app')).toBe('A healthy local page');
    // Everything the extension does after this page loaded has been done by the time a later failure is.
    await settle(session);
    expect(worlds).toEqual([]);
    expect(await page.$('port-doctor-overlay')).toBeNull();
    await page.close();
  });

  it('logged no error in the worker or the extension pages', () => {
    expect(session.errors).toEqual([]);
  });
});

describe('Chromium in Korean', () => {
  let session: ChromiumSession;

  beforeAll(async () => {
    session = await launchChromium({ lang: 'ko' });
  });

  afterAll(async () => {
    await session?.close();
  });

  it('shows the options page and the explanation in Korean', async () => {
    const page = await session.newPage();
    await page.goto(session.extensionUrl('/options.html'));
    expect(await page.title()).toBe('Port Doctor 설정');
    await expect(page.goto('http://127.0.0.1:10080/')).rejects.toThrow(REFUSED);
    await waitFor('the explanation page', async () => page.url().includes('/explain.html?'));
    await waitFor('the headline', () => page.$eval('h1', (h1) => h1.textContent?.trim()));
    expect(await text(page, 'h1')).toBe('브라우저가 10080번 포트를 차단했습니다');
  });
});
