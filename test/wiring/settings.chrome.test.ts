/** The options page's settings reach the running background: each event reads them afresh. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '@/entrypoints/background';
import { readHistory } from '@/lib/state/history';
import { DEFAULT_SETTINGS, saveSettings, type Settings } from '@/lib/state/settings';
import { explainedUrl, failuresForTab } from '@/lib/state/tab-state';
import { ask, fromCard, frameDetails, installExtras } from './fake-extras';

let extras: ReturnType<typeof installExtras>;

beforeEach(() => {
  fakeBrowser.reset();
  extras = installExtras();
  background.main();
});

const settings = (patch: Partial<Settings>) => saveSettings({ ...DEFAULT_SETTINGS, ...patch });
const failed = (url: string, tabId: number, error = 'net::ERR_UNSAFE_PORT') =>
  fakeBrowser.webNavigation.onErrorOccurred.trigger({ ...frameDetails(url, tabId), error });
const urlOf = async (tabId: number) => (await fakeBrowser.tabs.get(tabId)).url;
const openTab = async (url: string) => (await fakeBrowser.tabs.create({ url })).id!;

describe('settings in the running background (Chrome)', () => {
  it('a changed reaction applies to the next event, with no restart', async () => {
    await settings({ blockedNavigation: 'badge' });
    const first = await openTab('http://localhost:6000/');
    await failed('http://localhost:6000/', first);
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({ tabId: first })).toBe('!'));
    expect(await urlOf(first)).toBe('http://localhost:6000/');

    await settings({ blockedNavigation: 'explain' });
    const second = await openTab('http://localhost:6000/');
    await failed('http://localhost:6000/', second);
    await vi.waitFor(async () => expect(await urlOf(second)).toContain('/explain.html?'));
  });

  it('"nothing" leaves the tab and the button alone, and the popup still knows', async () => {
    await settings({ blockedNavigation: 'nothing' });
    const tabId = await openTab('http://localhost:6000/');
    await failed('http://localhost:6000/', tabId);
    await vi.waitFor(async () => expect(await failuresForTab(tabId)).toHaveLength(1));
    expect(await fakeBrowser.action.getBadgeText({ tabId })).toBe('');
    expect(await urlOf(tabId)).toBe('http://localhost:6000/');
  });

  it('"notify" shows a notification; a click on it explains the failure in its tab', async () => {
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((key: string) => `<${key}>`);
    await settings({ blockedNavigation: 'notify' });
    const tabId = await openTab('http://localhost:6000/');
    await failed('http://localhost:6000/', tabId);
    let id = '';
    await vi.waitFor(async () => {
      const shown = await fakeBrowser.notifications.getAll();
      expect(Object.keys(shown)).toHaveLength(1);
      id = Object.keys(shown)[0]!;
    });
    expect(await fakeBrowser.action.getBadgeText({ tabId })).toBe('!');
    expect(await urlOf(tabId)).toBe('http://localhost:6000/');
    await fakeBrowser.notifications.onClicked.trigger(id);
    await vi.waitFor(async () =>
      expect(await urlOf(tabId)).toContain('/explain.html?url=http%3A%2F%2Flocalhost%3A6000'),
    );
    expect(await fakeBrowser.notifications.getAll()).toEqual({});
  });

  it('a click on a notification whose tab has moved on opens the explanation in a new tab', async () => {
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((key: string) => `<${key}>`);
    await settings({ blockedNavigation: 'notify' });
    const tabId = await openTab('http://localhost:6000/');
    await failed('http://localhost:6000/', tabId);
    let id = '';
    await vi.waitFor(async () => {
      id = Object.keys(await fakeBrowser.notifications.getAll())[0] ?? '';
      expect(id).not.toBe('');
    });
    // Minutes later the user is writing something else in that tab.
    await fakeBrowser.tabs.update(tabId, { url: 'http://localhost:5173/form' });
    const created = vi.spyOn(fakeBrowser.tabs, 'create');
    await fakeBrowser.notifications.onClicked.trigger(id);
    await vi.waitFor(() => expect(created).toHaveBeenCalledTimes(1));
    expect(created.mock.calls[0]?.[0].url).toContain('/explain.html?url=http%3A%2F%2Flocalhost%3A6000');
    expect(await urlOf(tabId)).toBe('http://localhost:5173/form');
  });

  it('ignores a click on a notification it did not make', async () => {
    const tabId = await openTab('http://localhost:5173/');
    await fakeBrowser.notifications.onClicked.trigger('{"tabId":"x"}');
    await fakeBrowser.notifications.onClicked.trigger('not json');
    expect(await urlOf(tabId)).toBe('http://localhost:5173/');
  });

  it('stays quiet about a port the user unblocked: no explanation, no badge, no card, no history', async () => {
    await settings({ unblockedPorts: ['6665-6669', '6000'] });
    const tabId = await openTab('http://localhost:5173/');
    await failed('http://localhost:6000/', tabId);
    await extras.webRequestError.trigger({
      url: 'ws://127.0.0.1:6667/',
      tabId,
      frameId: 0,
      type: 'websocket',
      error: 'net::ERR_UNSAFE_PORT',
    });
    // A port that is not in the list still gets through, so the test knows the events were handled.
    await failed('http://localhost:10080/', tabId);
    await vi.waitFor(async () => expect(await failuresForTab(tabId)).toMatchObject([{ port: 10080 }]));
    expect(extras.executeScript).not.toHaveBeenCalled();
    expect((await readHistory()).map((entry) => entry.port)).toEqual([10080]);
  });

  it("treats the user's own hosts as local: a refused connection on devbox.test is explained", async () => {
    await settings({ localFailures: 'explain' });
    const before = await openTab('http://app.devbox.test:3000/');
    await failed('http://app.devbox.test:3000/', before, 'net::ERR_CONNECTION_REFUSED');
    await settings({ localFailures: 'explain', localHosts: ['*.devbox.test'] });
    const after = await openTab('http://app.devbox.test:3000/');
    await failed('http://app.devbox.test:3000/', after, 'net::ERR_CONNECTION_REFUSED');
    await vi.waitFor(async () => expect(await urlOf(after)).toContain('/explain.html?'));
    expect(await urlOf(before)).toBe('http://app.devbox.test:3000/');
  });

  it('no card when the card is off; the button is still marked', async () => {
    await settings({ overlay: false });
    const tabId = await openTab('http://localhost:5173/');
    await extras.webRequestError.trigger({
      url: 'http://127.0.0.1:6000/api',
      tabId,
      frameId: 0,
      type: 'xmlhttprequest',
      error: 'net::ERR_UNSAFE_PORT',
    });
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({ tabId })).toBe('!'));
    expect(extras.executeScript).not.toHaveBeenCalled();
  });

  it('keeps as many history entries as the setting says', async () => {
    await settings({ historySize: 2 });
    const tabId = await openTab('http://localhost:5173/');
    for (const port of [6000, 6665, 10080]) await failed(`http://localhost:${port}/`, tabId);
    await vi.waitFor(async () =>
      expect((await readHistory()).map((entry) => entry.port)).toEqual([10080, 6665]),
    );
  });

  it('tells the card the preferred ports', async () => {
    await settings({ preferredPorts: [8787, 9123] });
    expect(
      await ask({ portDoctor: 'preferredPorts', request: null }, fromCard(1, 'http://localhost:5173/')),
    ).toEqual([8787, 9123]);
  });
});

describe('storage corrupted before the extension starts', () => {
  it('every key a wrong type: the background works with the defaults', async () => {
    fakeBrowser.reset();
    extras = installExtras();
    const garbage = {
      settings: 42,
      settings$: 'v',
      history: { not: 'a list' },
      tabFailures: 'x',
      explained: [],
    };
    await fakeBrowser.storage.local.set(garbage);
    await fakeBrowser.storage.sync.set({ settings: ['explain'], settings$: { v: 'two' } });
    await fakeBrowser.storage.session.set({ tabFailures: 'x', explained: 7 });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    background.main();

    const tabId = await openTab('http://localhost:6000/');
    await failed('http://localhost:6000/', tabId);
    await vi.waitFor(async () => expect(await urlOf(tabId)).toContain('/explain.html?'));
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('settings repaired'), expect.any(String));
    expect(await readHistory()).toMatchObject([{ port: 6000 }]);
    // The corrupt tab state was read as empty, not spread into the new one.
    await vi.waitFor(async () => expect(await explainedUrl(tabId)).toBe('http://localhost:6000/'));
    const { tabFailures, explained } = await fakeBrowser.storage.session.get(['tabFailures', 'explained']);
    expect(Object.keys(tabFailures as object)).toEqual([String(tabId)]);
    expect(explained).toEqual({ [tabId]: 'http://localhost:6000/' });
  });
});
