import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '@/entrypoints/background';
import { readHistory } from '@/lib/history';
import { DEFAULT_SETTINGS, loadSettings, saveSettings } from '@/lib/settings';
import { explainedUrl, failuresForTab } from '@/lib/tab-state';
import { ask, frameDetails, installExtras } from './fake-extras';

let extras: ReturnType<typeof installExtras>;

beforeEach(async () => {
  fakeBrowser.reset();
  extras = installExtras();
  background.main();
});

async function openTab(url: string): Promise<number> {
  const tab = await fakeBrowser.tabs.create({ url, active: true });
  return tab.id!;
}

const unsafe = (url: string, tabId: number, frameId = 0) => ({
  ...frameDetails(url, tabId, frameId),
  error: 'net::ERR_UNSAFE_PORT',
});

describe('background in Chrome', () => {
  it('sends a tab that failed on a blocked port to the explanation page', async () => {
    const tabId = await openTab('http://localhost:6000/');
    await fakeBrowser.webNavigation.onErrorOccurred.trigger(unsafe('http://localhost:6000/', tabId));
    await vi.waitFor(async () => {
      const tab = await fakeBrowser.tabs.get(tabId);
      expect(tab.url).toBe(
        'chrome-extension://test-extension-id/explain.html?url=http%3A%2F%2Flocalhost%3A6000%2F&code=net%3A%3AERR_UNSAFE_PORT',
      );
    });
    expect(await failuresForTab(tabId)).toMatchObject([{ port: 6000, resource: 'main_frame' }]);
    expect(await readHistory()).toMatchObject([{ url: 'http://localhost:6000/', kind: 'blocked-port' }]);
  });

  it('only marks the toolbar button when the user chose "badge"', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, blockedNavigation: 'badge', localFailures: 'badge' });
    const tabId = await openTab('http://localhost:6000/');
    await fakeBrowser.webNavigation.onErrorOccurred.trigger(unsafe('http://localhost:6000/', tabId));
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({ tabId })).toBe('!'));
    expect((await fakeBrowser.tabs.get(tabId)).url).toBe('http://localhost:6000/');
  });

  it('falls back to the explanation when the stored settings are corrupt', async () => {
    await fakeBrowser.storage.local.set({ settings: { blockedNavigation: 42 } });
    const tabId = await openTab('http://localhost:6000/');
    await fakeBrowser.webNavigation.onErrorOccurred.trigger(unsafe('http://localhost:6000/', tabId));
    await vi.waitFor(async () => expect((await fakeBrowser.tabs.get(tabId)).url).toContain('/explain.html?'));
  });

  it('leaves the parent page alone when a subframe hits a blocked port', async () => {
    const tabId = await openTab('http://localhost:5173/');
    await fakeBrowser.webNavigation.onErrorOccurred.trigger(unsafe('http://localhost:6000/frame', tabId, 5));
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({ tabId })).toBe('!'));
    expect((await fakeBrowser.tabs.get(tabId)).url).toBe('http://localhost:5173/');
    expect(extras.executeScript).toHaveBeenCalledWith({
      target: { tabId },
      files: ['/content-scripts/overlay.js'],
    });
  });

  it('injects the overlay once for a page fetch, then only refreshes it', async () => {
    const tabId = await openTab('http://localhost:5173/');
    const fetchError = {
      url: 'http://127.0.0.1:6000/api',
      tabId,
      frameId: 0,
      type: 'xmlhttprequest',
      error: 'net::ERR_UNSAFE_PORT',
    };
    await extras.webRequestError.trigger(fetchError);
    await vi.waitFor(() => expect(extras.executeScript).toHaveBeenCalledTimes(1));
    // The overlay now listens: the next failure reaches it as a message, with no second injection.
    extras.sendMessage.mockResolvedValue(undefined as never);
    await extras.webRequestError.trigger({ ...fetchError, url: 'ws://127.0.0.1:6667/', type: 'websocket' });
    await vi.waitFor(() => expect(extras.sendMessage).toHaveBeenCalledTimes(2));
    expect(extras.executeScript).toHaveBeenCalledTimes(1);
    expect(await ask({ portDoctor: 'tabFailures', request: null }, tabId)).toMatchObject([
      { port: 6000 },
      { port: 6667 },
    ]);
  });

  it('ignores errors that are not a blocked port', async () => {
    const tabId = await openTab('http://localhost:5173/');
    await fakeBrowser.webNavigation.onErrorOccurred.trigger({
      ...unsafe('http://localhost:5173/', tabId),
      error: 'net::ERR_ABORTED',
    });
    await extras.webRequestError.trigger({
      url: 'http://localhost:5173/x',
      tabId,
      frameId: 0,
      type: 'image',
      error: 'net::ERR_FAILED',
    });
    expect(await failuresForTab(tabId)).toEqual([]);
    expect(extras.executeScript).not.toHaveBeenCalled();
  });

  it('forgets a tab when it closes', async () => {
    const tabId = await openTab('http://localhost:6000/');
    await fakeBrowser.webNavigation.onErrorOccurred.trigger(unsafe('http://localhost:6000/', tabId));
    await vi.waitFor(async () => expect(await failuresForTab(tabId)).toHaveLength(1));
    await fakeBrowser.tabs.onRemoved.trigger(tabId, { windowId: 0, isWindowClosing: false });
    await vi.waitFor(async () => expect(await failuresForTab(tabId)).toEqual([]));
  });

  it('answers status, and nobody outside the extension', async () => {
    expect(await ask({ portDoctor: 'status', request: null })).toMatchObject({ version: '9.9.9' });
    const listener = vi.fn();
    const handled = await fakeBrowser.runtime.onMessage.trigger(
      { portDoctor: 'status', request: null },
      { id: 'another-extension' },
      listener,
    );
    expect(handled).toEqual([false]);
    expect(listener).not.toHaveBeenCalled();
  });

  it('does not bounce Back into the explanation, and explains again after a deliberate retry', async () => {
    const tabId = await openTab('http://localhost:6000/');
    const redirected = async () => (await fakeBrowser.tabs.get(tabId)).url!.includes('/explain.html?');
    await fakeBrowser.webNavigation.onErrorOccurred.trigger(unsafe('http://localhost:6000/', tabId));
    await vi.waitFor(async () => expect(await redirected()).toBe(true));
    expect(await explainedUrl(tabId)).toBe('http://localhost:6000/');

    // Back: the browser reloads the failed URL, which fails again. The tab stays; the badge tells.
    await fakeBrowser.tabs.update(tabId, { url: 'http://localhost:6000/' });
    await fakeBrowser.webNavigation.onErrorOccurred.trigger(unsafe('http://localhost:6000/', tabId));
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({ tabId })).toBe('!'));
    expect(await redirected()).toBe(false);

    // Retry from the explanation page: the next failure is explained again.
    expect(await ask({ portDoctor: 'openUrl', request: { url: 'http://localhost:6000/' } }, tabId)).toBe(
      true,
    );
    await fakeBrowser.webNavigation.onErrorOccurred.trigger(unsafe('http://localhost:6000/', tabId));
    await vi.waitFor(async () => expect(await redirected()).toBe(true));
  });

  it('forgets the Back protection once a page loads in the tab', async () => {
    const tabId = await openTab('http://localhost:6000/');
    await fakeBrowser.webNavigation.onErrorOccurred.trigger(unsafe('http://localhost:6000/', tabId));
    await vi.waitFor(async () => expect(await explainedUrl(tabId)).toBe('http://localhost:6000/'));
    await fakeBrowser.webNavigation.onCommitted.trigger({
      ...frameDetails('http://localhost:5173/', tabId),
      transitionType: 'typed',
      transitionQualifiers: [],
    });
    await vi.waitFor(async () => expect(await explainedUrl(tabId)).toBeUndefined());
  });

  it('opens only http(s) URLs for the explanation page', async () => {
    const tabId = await openTab('chrome-extension://test-extension-id/explain.html');
    for (const url of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'chrome://settings',
      'data:text/html,x',
      'nonsense',
    ]) {
      expect(await ask({ portDoctor: 'openUrl', request: { url } }, tabId)).toBe(false);
    }
    expect((await fakeBrowser.tabs.get(tabId)).url).toBe('chrome-extension://test-extension-id/explain.html');
  });

  it('marks the tab, without leaving it, when a local server refuses the connection', async () => {
    const tabId = await openTab('http://localhost:5173/');
    await fakeBrowser.webNavigation.onErrorOccurred.trigger({
      ...unsafe('http://localhost:5173/', tabId),
      error: 'net::ERR_CONNECTION_REFUSED',
    });
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({ tabId })).toBe('!'));
    expect((await fakeBrowser.tabs.get(tabId)).url).toBe('http://localhost:5173/');
    expect(await failuresForTab(tabId)).toMatchObject([{ kind: 'connection-refused', port: 5173 }]);
  });

  it('explains a refused connection when the user asked for explanations of local failures', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, blockedNavigation: 'explain', localFailures: 'explain' });
    const tabId = await openTab('https://localhost:5173/');
    await fakeBrowser.webNavigation.onErrorOccurred.trigger({
      ...unsafe('https://localhost:5173/', tabId),
      error: 'net::ERR_SSL_PROTOCOL_ERROR',
    });
    await vi.waitFor(async () =>
      expect((await fakeBrowser.tabs.get(tabId)).url).toContain('code=net%3A%3AERR_SSL_PROTOCOL_ERROR'),
    );
  });

  it('injects the card once for a burst of blocked requests, and counts them', async () => {
    const tabId = await openTab('http://localhost:5173/');
    let finish: () => void = () => undefined;
    extras.executeScript.mockImplementation(() => new Promise((done) => (finish = () => done([]))));
    const fetchError = {
      url: 'http://127.0.0.1:6000/api',
      tabId,
      frameId: 0,
      type: 'xmlhttprequest',
      error: 'net::ERR_UNSAFE_PORT',
    };
    const burst = Promise.all(Array.from({ length: 10 }, () => extras.webRequestError.trigger(fetchError)));
    await vi.waitFor(() => expect(extras.executeScript).toHaveBeenCalledTimes(1));
    finish();
    await burst;
    await vi.waitFor(async () =>
      expect(await failuresForTab(tabId)).toMatchObject([{ url: 'http://127.0.0.1:6000/api', count: 10 }]),
    );
    expect(extras.executeScript).toHaveBeenCalledTimes(1);
  });

  it('shows no card on a site the user muted, and the card can mute its site', async () => {
    const tabId = await openTab('http://localhost:5173/app');
    expect(await ask({ portDoctor: 'muteSite', request: null }, tabId)).toBe(false);
    await fakeBrowser.runtime.onMessage.trigger(
      { portDoctor: 'muteSite', request: null },
      { id: fakeBrowser.runtime.id, tab: { id: tabId }, url: 'http://localhost:5173/app' } as never,
      () => undefined,
    );
    await vi.waitFor(async () =>
      expect((await loadSettings()).mutedSites).toEqual(['http://localhost:5173']),
    );
    await extras.webRequestError.trigger({
      url: 'http://127.0.0.1:6000/api',
      tabId,
      frameId: 0,
      type: 'fetch',
      error: 'net::ERR_UNSAFE_PORT',
    });
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({ tabId })).toBe('!'));
    expect(extras.executeScript).not.toHaveBeenCalled();
  });

  it('starts a tab afresh when it loads a new page', async () => {
    const tabId = await openTab('http://localhost:5173/');
    await extras.webRequestError.trigger({
      url: 'http://127.0.0.1:6000/api',
      tabId,
      frameId: 0,
      type: 'fetch',
      error: 'net::ERR_UNSAFE_PORT',
    });
    await vi.waitFor(async () => expect(await failuresForTab(tabId)).toHaveLength(1));
    await fakeBrowser.webNavigation.onBeforeNavigate.trigger(
      frameDetails('http://localhost:5173/next', tabId),
    );
    await vi.waitFor(async () => expect(await failuresForTab(tabId)).toEqual([]));
  });
});
