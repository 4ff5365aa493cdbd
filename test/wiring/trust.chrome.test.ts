/**
 * What a hostile page, a burst or a full storage area can do to the running background (Chrome build): a
 * page that floods storage with failures, a card that would show a cross-origin frame's URL, prerendered
 * documents, a redirect that would override what the user typed next, lost concurrent writes, and
 * private-window failures in the normal history.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '@/entrypoints/background';
import { byteLength } from '@/lib/core/bounded';
import { readHistory } from '@/lib/state/history';
import { DEFAULT_SETTINGS, loadSettings, saveSettings } from '@/lib/state/settings';
import { explainedUrl, failuresForTab, MAX_TOTAL_BYTES } from '@/lib/state/tab-state';
import { ask, frameDetails, fromCard, installExtras } from './fake-extras';

let extras: ReturnType<typeof installExtras>;

beforeEach(() => {
  fakeBrowser.reset();
  extras = installExtras();
  background.main();
});

const openTab = async (url: string) => (await fakeBrowser.tabs.create({ url })).id!;
const urlOf = async (tabId: number) => (await fakeBrowser.tabs.get(tabId)).url;
const unsafe = (url: string, tabId: number, frameId = 0) => ({
  ...frameDetails(url, tabId, frameId),
  error: 'net::ERR_UNSAFE_PORT',
});

/** A failure that must be handled: once it is recorded, everything triggered before it was handled too. */
async function sentinel(): Promise<void> {
  const tabId = await openTab('http://localhost:10080/');
  await fakeBrowser.webNavigation.onErrorOccurred.trigger(unsafe('http://localhost:10080/', tabId));
  await vi.waitFor(async () => expect(await failuresForTab(tabId)).toMatchObject([{ port: 10080 }]));
}

const QUOTA = 'QUOTA_BYTES quota exceeded';

describe('what Chrome reports for documents the user does not see', () => {
  it('a prerendered page on a blocked port, and its requests: no badge, no card, nothing kept', async () => {
    const tabId = await openTab('http://localhost:5173/');
    // What Chromium 156 sends for a speculation-rules prerender of a blocked port (seen in e2e): the real
    // tab, a frame of its own, documentLifecycle 'prerender', ERR_ABORTED.
    await fakeBrowser.webNavigation.onErrorOccurred.trigger({
      ...frameDetails('http://127.0.0.1:6000/', tabId, 3),
      parentFrameId: -1,
      frameType: 'outermost_frame',
      documentLifecycle: 'prerender',
      error: 'net::ERR_ABORTED',
    });
    // A request made by a prerendered page: webRequest tells its document's lifecycle too.
    await extras.webRequestError.trigger({
      url: 'http://127.0.0.1:6000/api',
      tabId,
      frameId: 3,
      type: 'xmlhttprequest',
      error: 'net::ERR_UNSAFE_PORT',
      documentLifecycle: 'prerender',
      frameType: 'outermost_frame',
    });
    await sentinel();
    expect(await failuresForTab(tabId)).toEqual([]);
    expect(await fakeBrowser.action.getBadgeText({ tabId })).toBe('');
    expect(extras.executeScript).not.toHaveBeenCalled();
    expect((await readHistory()).map((entry) => entry.port)).toEqual([10080]);
  });
});

describe('the user moves on before the answer is ready', () => {
  it('a URL typed right after a failure wins over the explanation of the failure', async () => {
    const tabId = await openTab('http://localhost:6000/');
    await fakeBrowser.webNavigation.onBeforeNavigate.trigger(frameDetails('http://localhost:6000/', tabId));
    const first = fakeBrowser.webNavigation.onErrorOccurred.trigger(unsafe('http://localhost:6000/', tabId));
    // Before the background has answered, the user types another blocked URL, which fails in turn.
    await fakeBrowser.webNavigation.onBeforeNavigate.trigger(frameDetails('http://localhost:6665/', tabId));
    await fakeBrowser.tabs.update(tabId, { url: 'http://localhost:6665/' });
    await fakeBrowser.webNavigation.onErrorOccurred.trigger(unsafe('http://localhost:6665/', tabId));
    await first;
    await sentinel();
    expect(await urlOf(tabId)).toContain('/explain.html?url=http%3A%2F%2Flocalhost%3A6665');
    expect(await explainedUrl(tabId)).toBe('http://localhost:6665/');
    // Both failures happened, and the popup's history says so.
    expect((await readHistory()).map((entry) => entry.port).sort()).toEqual([10080, 6000, 6665].sort());
  });

  it('a failure still on its way when its tab closes leaves nothing behind', async () => {
    const tabId = await openTab('http://localhost:5173/');
    const late = extras.webRequestError.trigger({
      url: 'http://127.0.0.1:6000/api',
      tabId,
      frameId: 0,
      type: 'fetch',
      error: 'net::ERR_UNSAFE_PORT',
    });
    await fakeBrowser.tabs.onRemoved.trigger(tabId, { windowId: 0, isWindowClosing: false });
    await late;
    await sentinel();
    const { tabFailures } = await fakeBrowser.storage.session.get('tabFailures');
    expect(Object.keys(tabFailures as object)).not.toContain(String(tabId));
  });
});

describe('a page that floods the extension', () => {
  it('60 frames on a blocked port of a non-local host, 150 KB of path each: one line, counted', async () => {
    const tabId = await openTab('http://localhost:5173/');
    const path = 'a'.repeat(150_000);
    for (let index = 0; index < 60; index++)
      await fakeBrowser.webNavigation.onErrorOccurred.trigger(
        unsafe(`http://flood.invalid:6000/${index}${path}?secret=${index}`, tabId, index + 1),
      );
    await vi.waitFor(async () =>
      expect(await failuresForTab(tabId)).toMatchObject([{ url: 'http://flood.invalid:6000/', count: 60 }]),
    );
    const session = await fakeBrowser.storage.session.get(null);
    const local = await fakeBrowser.storage.local.get(null);
    expect(byteLength(session) + byteLength(local)).toBeLessThan(4096);
    // What the card may show its page: where the frames pointed, nothing of what they carried.
    expect(
      await ask({ portDoctor: 'cardEntries', request: null }, fromCard(tabId, 'http://localhost:5173/')),
    ).toEqual([{ label: 'http://flood.invalid:6000', port: 6000, count: 60 }]);
  });

  it('long local URLs in many tabs: every tab within its cap, all tabs within the total', async () => {
    const tabs = await Promise.all(Array.from({ length: 40 }, () => openTab('http://localhost:5173/')));
    for (const tabId of tabs)
      for (let index = 0; index < 30; index++)
        await extras.webRequestError.trigger({
          url: `http://127.0.0.1:6000/${index}/${'b'.repeat(5000)}?q=${'c'.repeat(5000)}`,
          tabId,
          frameId: 0,
          type: 'fetch',
          error: 'net::ERR_UNSAFE_PORT',
        });
    await sentinel();
    const { tabFailures } = await fakeBrowser.storage.session.get('tabFailures');
    expect(byteLength(tabFailures)).toBeLessThanOrEqual(MAX_TOTAL_BYTES);
    for (const list of Object.values(tabFailures as Record<string, { url: string }[]>))
      for (const entry of list) expect(entry.url.length).toBeLessThanOrEqual(2048);
    expect(byteLength(await fakeBrowser.storage.local.get('history'))).toBeLessThanOrEqual(64 * 1024 + 20);
  });

  it('a burst of failures in one tab is written in a few writes, not one per failure', async () => {
    const tabId = await openTab('http://localhost:5173/');
    await sentinel();
    const set = vi.spyOn(fakeBrowser.storage.session, 'set');
    await Promise.all(
      Array.from({ length: 100 }, () =>
        extras.webRequestError.trigger({
          url: 'http://127.0.0.1:6000/poll',
          tabId,
          frameId: 0,
          type: 'fetch',
          error: 'net::ERR_UNSAFE_PORT',
        }),
      ),
    );
    await vi.waitFor(async () => expect(await failuresForTab(tabId)).toMatchObject([{ count: 100 }]));
    expect(set.mock.calls.length).toBeLessThanOrEqual(10);
  });
});

describe('a full storage area', () => {
  it('storage.session refuses every write: the tab still goes to the explanation', async () => {
    vi.spyOn(fakeBrowser.storage.session, 'set').mockRejectedValue(new Error(QUOTA));
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const tabId = await openTab('http://localhost:6000/');
    await fakeBrowser.webNavigation.onErrorOccurred.trigger(unsafe('http://localhost:6000/', tabId));
    await vi.waitFor(async () => expect(await urlOf(tabId)).toContain('/explain.html?'));
  });

  it('storage.local refuses the settings: the history makes room, and the settings are saved', async () => {
    const local = fakeBrowser.storage.local;
    await local.set({
      history: [
        { kind: 'blocked-port', url: 'http://localhost:6000/', port: 6000, code: 'c', time: Date.now() },
      ],
    });
    const realSet = local.set.bind(local);
    // Full until the history is cleared.
    vi.spyOn(local, 'set').mockImplementation(async (items: Record<string, unknown>) => {
      const { history } = await local.get('history');
      if ('settings' in items && Array.isArray(history) && history.length > 0) throw new Error(QUOTA);
      return realSet(items);
    });
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await saveSettings({ ...DEFAULT_SETTINGS, historySize: 7 });
    expect((await local.get('settings')).settings).toMatchObject({ historySize: 7 });
  });

  it('both areas refuse the settings: the save fails loudly, and what is stored is unchanged', async () => {
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error(QUOTA));
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValue(new Error(QUOTA));
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await expect(saveSettings({ ...DEFAULT_SETTINGS, historySize: 7 })).rejects.toThrow(
      /Neither storage area/,
    );
    expect((await loadSettings()).historySize).toBe(DEFAULT_SETTINGS.historySize);
  });

  it('storage.local refuses the history: the explanation appears all the same', async () => {
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error(QUOTA));
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const tabId = await openTab('http://localhost:6000/');
    await fakeBrowser.webNavigation.onErrorOccurred.trigger(unsafe('http://localhost:6000/', tabId));
    await vi.waitFor(async () => expect(await urlOf(tabId)).toContain('/explain.html?'));
  });
});

describe('private windows', () => {
  it('a failure in an incognito tab is explained, and never written to the history', async () => {
    const tabId = await openTab('http://localhost:6000/');
    // WXT's fake browser has no private windows: this tab is one, as tabs.get tells in both browsers.
    const get = fakeBrowser.tabs.get.bind(fakeBrowser.tabs);
    vi.spyOn(fakeBrowser.tabs, 'get').mockImplementation(async (id: number) => ({
      ...(await get(id)),
      incognito: id === tabId,
    }));
    await fakeBrowser.webNavigation.onErrorOccurred.trigger(unsafe('http://localhost:6000/', tabId));
    await vi.waitFor(async () => expect(await urlOf(tabId)).toContain('/explain.html?'));
    await sentinel();
    expect((await readHistory()).map((entry) => entry.port)).toEqual([10080]);
  });
});

describe('what the card may show its page', () => {
  it('a cross-origin frame redirected to a blocked port with a secret: the port, never the path or query', async () => {
    const page = 'http://localhost:5173/';
    const tabId = await openTab(page);
    await fakeBrowser.webNavigation.onErrorOccurred.trigger(
      unsafe('http://127.0.0.1:6000/cb?code=SECRET#state=1', tabId, 4),
    );
    await extras.webRequestError.trigger({
      url: 'http://127.0.0.1:6000/widget-api?key=SECRET',
      tabId,
      frameId: 4,
      type: 'fetch',
      error: 'net::ERR_UNSAFE_PORT',
      initiator: 'http://other.test',
    });
    await vi.waitFor(async () => expect(await failuresForTab(tabId)).toHaveLength(2));
    const entries = await ask({ portDoctor: 'cardEntries', request: null }, fromCard(tabId, page));
    expect(entries).toEqual([{ label: 'http://127.0.0.1:6000', port: 6000, count: 2 }]);
    expect(JSON.stringify(entries)).not.toContain('SECRET');
  });
});

describe('Chromium: a port refused once this session is explained as its next navigation starts', () => {
  const start = (url: string, tabId: number) =>
    fakeBrowser.webNavigation.onBeforeNavigate.trigger(frameDetails(url, tabId));

  it('the second navigation to 6000 goes to the explanation before any error event', async () => {
    const first = await openTab('http://localhost:6000/');
    await fakeBrowser.webNavigation.onErrorOccurred.trigger(unsafe('http://localhost:6000/', first));
    await vi.waitFor(async () => expect(await urlOf(first)).toContain('/explain.html?'));
    const second = await openTab('http://localhost:6000/again');
    await start('http://localhost:6000/again', second);
    await vi.waitFor(async () =>
      expect(await urlOf(second)).toContain('/explain.html?url=http%3A%2F%2Flocalhost%3A6000%2Fagain'),
    );
  });

  it('not for a port never refused, nor one the user unblocked in Port Doctor', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, unblockedPorts: ['6665'] });
    const first = await openTab('http://localhost:6665/');
    // Refused once (the settings say it is unblocked, so Port Doctor stays quiet about it).
    await fakeBrowser.webNavigation.onErrorOccurred.trigger(unsafe('http://localhost:6665/', first));
    const unblocked = await openTab('http://localhost:6665/app');
    await start('http://localhost:6665/app', unblocked);
    const never = await openTab('http://localhost:6667/');
    await start('http://localhost:6667/', never);
    await sentinel();
    expect(await urlOf(unblocked)).toBe('http://localhost:6665/app');
    expect(await urlOf(never)).toBe('http://localhost:6667/');
  });
});
