import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '@/entrypoints/background';
import { DEFAULT_SETTINGS, saveSettings } from '@/lib/state/settings';
import { failuresForTab } from '@/lib/state/tab-state';
import { frameDetails, installExtras } from './fake-extras';

let extras: ReturnType<typeof installExtras>;

beforeEach(() => {
  fakeBrowser.reset();
  extras = installExtras();
  background.main();
});

const committed = (url: string, tabId: number, frameId = 0) => ({
  ...frameDetails(url, tabId, frameId),
  transitionType: 'typed' as const,
  transitionQualifiers: [],
});

/** A blocked-port commit that must be explained: once it is, everything triggered before was handled too. */
async function sentinel(): Promise<void> {
  const tab = await fakeBrowser.tabs.create({ url: 'http://localhost:10080/' });
  await fakeBrowser.webNavigation.onCommitted.trigger(committed('http://localhost:10080/', tab.id!));
  await vi.waitFor(async () => expect(await failuresForTab(tab.id!)).toMatchObject([{ port: 10080 }]));
}

describe('background in Firefox', () => {
  it('does not listen to webRequest: Firefox reports nothing there for a blocked port', () => {
    expect(extras.webRequestError.hasListeners()).toBe(false);
  });

  it.each(['http://localhost:6000/', 'http://127.0.0.1:10080/', 'http://localhost:4190/'])(
    'explains a committed error page for %s',
    async (url) => {
      const tab = await fakeBrowser.tabs.create({ url });
      await fakeBrowser.webNavigation.onCommitted.trigger(committed(url, tab.id!));
      await vi.waitFor(async () =>
        expect((await fakeBrowser.tabs.get(tab.id!)).url).toContain('/explain.html?url='),
      );
      expect(await failuresForTab(tab.id!)).toMatchObject([
        { code: 'NS_ERROR_PORT_ACCESS_NOT_ALLOWED', engine: 'firefox' },
      ]);
    },
  );

  it('leaves an ordinary page alone', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'http://localhost:5173/' });
    await fakeBrowser.webNavigation.onCommitted.trigger(committed('http://localhost:5173/', tab.id!));
    await sentinel();
    expect((await fakeBrowser.tabs.get(tab.id!)).url).toBe('http://localhost:5173/');
    expect(await failuresForTab(tab.id!)).toEqual([]);
  });

  it('shows the overlay in the parent page of a blocked subframe', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'http://localhost:5173/' });
    await fakeBrowser.webNavigation.onCommitted.trigger(committed('http://localhost:6667/', tab.id!, 2));
    await vi.waitFor(() => expect(extras.executeScript).toHaveBeenCalledTimes(1));
    expect((await fakeBrowser.tabs.get(tab.id!)).url).toBe('http://localhost:5173/');
  });

  it('stays quiet when the user unblocked the port in about:config: the load started', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'http://localhost:6000/' });
    await fakeBrowser.webNavigation.onBeforeNavigate.trigger(frameDetails('http://localhost:6000/', tab.id!));
    await fakeBrowser.webNavigation.onCommitted.trigger(committed('http://localhost:6000/', tab.id!));
    await sentinel();
    expect((await fakeBrowser.tabs.get(tab.id!)).url).toBe('http://localhost:6000/');
    expect(await failuresForTab(tab.id!)).toEqual([]);
  });

  it('stays quiet when the re-allowed server redirects: /app to /app/, then a login page', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'http://localhost:6000/app' });
    // Firefox reports the start with the requested URL, the commit with where the redirects ended.
    await fakeBrowser.webNavigation.onBeforeNavigate.trigger(
      frameDetails('http://localhost:6000/app', tab.id!),
    );
    await fakeBrowser.webNavigation.onCommitted.trigger(
      committed('http://localhost:6000/login?next=/app/', tab.id!),
    );
    await sentinel();
    expect((await fakeBrowser.tabs.get(tab.id!)).url).toBe('http://localhost:6000/app');
    expect(await failuresForTab(tab.id!)).toEqual([]);
  });

  it('stays quiet when the event page was suspended between the start and a slow commit', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'http://localhost:6000/' });
    await fakeBrowser.webNavigation.onBeforeNavigate.trigger(frameDetails('http://localhost:6000/', tab.id!));
    await vi.waitFor(async () =>
      expect(
        Object.keys((await fakeBrowser.storage.session.get('navigationStarts')).navigationStarts ?? {}),
      ).toEqual([`${tab.id!}:0`]),
    );
    // Suspended: a new instance of the event page, with nothing in memory, gets the commit.
    installExtras();
    background.main();
    await fakeBrowser.webNavigation.onCommitted.trigger(committed('http://localhost:6000/', tab.id!));
    await sentinel();
    expect((await fakeBrowser.tabs.get(tab.id!)).url).toBe('http://localhost:6000/');
    expect(await failuresForTab(tab.id!)).toEqual([]);
  });

  it('still explains a blocked port whose start was for another origin, or too long ago', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const other = await fakeBrowser.tabs.create({ url: 'http://localhost:6000/' });
    await fakeBrowser.webNavigation.onBeforeNavigate.trigger(
      frameDetails('http://localhost:6001/', other.id!),
    );
    await fakeBrowser.webNavigation.onCommitted.trigger(committed('http://localhost:6000/', other.id!));
    const old = await fakeBrowser.tabs.create({ url: 'http://localhost:6665/' });
    await fakeBrowser.webNavigation.onBeforeNavigate.trigger(frameDetails('http://localhost:6665/', old.id!));
    vi.setSystemTime(Date.now() + 6 * 60_000);
    await fakeBrowser.webNavigation.onCommitted.trigger(committed('http://localhost:6665/', old.id!));
    vi.useRealTimers();
    for (const tab of [other, old])
      await vi.waitFor(async () =>
        expect((await fakeBrowser.tabs.get(tab.id!)).url).toContain('/explain.html?'),
      );
  });

  it('a URL typed right after a refused one wins over the explanation of the first', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'http://localhost:6000/' });
    const first = fakeBrowser.webNavigation.onCommitted.trigger(committed('http://localhost:6000/', tab.id!));
    await fakeBrowser.tabs.update(tab.id!, { url: 'http://localhost:6665/' });
    await fakeBrowser.webNavigation.onCommitted.trigger(committed('http://localhost:6665/', tab.id!));
    await first;
    await sentinel();
    expect((await fakeBrowser.tabs.get(tab.id!)).url).toContain(
      '/explain.html?url=http%3A%2F%2Flocalhost%3A6665',
    );
  });

  it("reads Firefox's numeric error codes for a refused local connection", async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'http://127.0.0.1:6001/' });
    await fakeBrowser.webNavigation.onErrorOccurred.trigger({
      ...frameDetails('http://127.0.0.1:6001/', tab.id!),
      error: 'Error code 2152398861',
    });
    await vi.waitFor(async () =>
      expect(await failuresForTab(tab.id!)).toMatchObject([{ kind: 'connection-refused', port: 6001 }]),
    );
  });

  it('reads the settings for each failure: badge only, then quiet for a port the user listed', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, blockedNavigation: 'badge' });
    const first = await fakeBrowser.tabs.create({ url: 'http://localhost:6000/' });
    await fakeBrowser.webNavigation.onCommitted.trigger(committed('http://localhost:6000/', first.id!));
    await vi.waitFor(async () =>
      expect(await fakeBrowser.action.getBadgeText({ tabId: first.id! })).toBe('!'),
    );
    expect((await fakeBrowser.tabs.get(first.id!)).url).toBe('http://localhost:6000/');

    await saveSettings({ ...DEFAULT_SETTINGS, unblockedPorts: ['6000'] });
    const second = await fakeBrowser.tabs.create({ url: 'http://localhost:6000/' });
    await fakeBrowser.webNavigation.onCommitted.trigger(committed('http://localhost:6000/', second.id!));
    const third = await fakeBrowser.tabs.create({ url: 'http://localhost:10080/' });
    await fakeBrowser.webNavigation.onCommitted.trigger(committed('http://localhost:10080/', third.id!));
    await vi.waitFor(async () =>
      expect((await fakeBrowser.tabs.get(third.id!)).url).toContain('/explain.html?'),
    );
    expect((await fakeBrowser.tabs.get(second.id!)).url).toBe('http://localhost:6000/');
    expect(await failuresForTab(second.id!)).toEqual([]);
  });
});
