/**
 * Remembered apps (lib/servers/apps.ts) as the running background keeps them (Chrome build, WXT's fake
 * browser): learned from local pages that loaded in a tab and from what the extension's own pages' scans
 * found, never from a private window or a website, never by a request of the background's own.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '@/entrypoints/background';
import { readRememberedApps } from '@/lib/state/apps';
import { ask, frameDetails, fromCard, fromOptions, installExtras, REFUSED } from './fake-extras';

const fetchSpy = vi.fn(() => Promise.reject(new Error('the background asked the network')));

/** What Chrome tells of a tab that the fake browser does not keep: its title, and whether it is private. */
const shown = new Map<number, { title: string; incognito: boolean }>();

beforeEach(() => {
  fakeBrowser.reset();
  installExtras();
  shown.clear();
  const get = fakeBrowser.tabs.get.bind(fakeBrowser.tabs);
  vi.spyOn(fakeBrowser.tabs, 'get').mockImplementation(async (id) => ({
    ...(await get(id)),
    ...shown.get(id),
  }));
  vi.stubGlobal('fetch', fetchSpy);
  background.main();
});

afterEach(() => {
  // Nothing here is a page of the extension: the background itself never asks a server anything.
  expect(fetchSpy).not.toHaveBeenCalled();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  fetchSpy.mockClear();
});

/** A tab that loaded `url` showing `title` (as Chrome reports a tab whose page has that <title>). */
async function loaded(url: string, title: string, incognito = false): Promise<number> {
  const tabId = (await fakeBrowser.tabs.create({ url })).id!;
  shown.set(tabId, { title, incognito });
  await fakeBrowser.webNavigation.onCompleted.trigger(frameDetails(url, tabId));
  return tabId;
}

const ports = async () => (await readRememberedApps()).map((app) => [app.port, app.page?.title, app.scan]);

describe('the apps a developer opened', () => {
  it('a local page at its root: its port and title are remembered', async () => {
    await loaded('http://localhost:5173/', 'shop');
    await vi.waitFor(async () => expect(await ports()).toEqual([[5173, 'shop', null]]));
  });

  it('a private window teaches nothing; the next tab is remembered', async () => {
    await loaded('http://localhost:3000/', 'secret project', true);
    await loaded('http://localhost:5173/', 'shop');
    // The second tab's app is the sentinel: the first event was handled before it.
    await vi.waitFor(async () => expect(await ports()).toEqual([[5173, 'shop', null]]));
  });

  it('what an extension page found names a remembered app; a page (the card) cannot say so', async () => {
    await loaded('http://localhost:5173/', 'shop');
    await vi.waitFor(async () => expect(await ports()).toHaveLength(1));
    const found = [{ port: 5173, tool: 'vite', title: 'shop' }];
    expect(
      await ask({ portDoctor: 'learnServers', request: { found } }, fromCard(1, 'http://localhost:5173/')),
    ).toBe(REFUSED);
    expect(await ask({ portDoctor: 'learnServers', request: { found } }, fromOptions())).toBe(true);
    expect(await ports()).toEqual([[5173, 'shop', expect.objectContaining({ tool: 'vite' })]]);
  });

  it("forgotten on request (the options, the popup's Clear)", async () => {
    await loaded('http://localhost:5173/', 'shop');
    await vi.waitFor(async () => expect(await ports()).toHaveLength(1));
    expect(await ask({ portDoctor: 'forgetApps', request: null }, fromOptions())).toBe(true);
    expect(await ports()).toEqual([]);
  });
});
