import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '@/entrypoints/background';
import { readHistory } from '@/lib/state/history';
import { DEFAULT_SETTINGS, loadSettings, saveSettings } from '@/lib/state/settings';
import { explainedUrl, failuresForTab } from '@/lib/state/tab-state';
import {
  ask,
  frameDetails,
  fromCard,
  fromExplanation,
  fromOptions,
  installExtras,
  REFUSED,
} from './fake-extras';

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

/**
 * A failure that must be handled, in a tab of its own: once it is in the history, every event triggered
 * before it has been handled too (they go through the same steps, in order), so "nothing happened" can be
 * asserted.
 */
async function sentinel(): Promise<void> {
  const tabId = await openTab('http://localhost:10080/');
  await fakeBrowser.webNavigation.onErrorOccurred.trigger(unsafe('http://localhost:10080/', tabId));
  await vi.waitFor(async () => expect(await failuresForTab(tabId)).toMatchObject([{ port: 10080 }]));
}

const unsafe = (url: string, tabId: number, frameId = 0) => ({
  ...frameDetails(url, tabId, frameId),
  error: 'net::ERR_UNSAFE_PORT',
});

describe('background in Chrome', () => {
  it('records AirPlay answering a tab on 5000 (deeper checks): badge by default, no explanation', async () => {
    const tabId = await openTab('http://localhost:5000/');
    await extras.webRequestHeaders.trigger({
      ...frameDetails('http://localhost:5000/', tabId, 0),
      type: 'main_frame',
      statusCode: 403,
      responseHeaders: [{ name: 'Server', value: 'AirTunes/860.7.1' }],
    });
    await vi.waitFor(async () =>
      expect(await failuresForTab(tabId)).toMatchObject([
        { kind: 'airplay', port: 5000, code: 'HTTP 403 from AirTunes' },
      ]),
    );
    expect((await fakeBrowser.tabs.get(tabId)).url).toBe('http://localhost:5000/');
  });

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
      url: 'http://127.0.0.1:6000/api?token=1',
      tabId,
      frameId: 0,
      type: 'xmlhttprequest',
      error: 'net::ERR_UNSAFE_PORT',
      initiator: 'http://localhost:5173',
    };
    await extras.webRequestError.trigger(fetchError);
    await vi.waitFor(() => expect(extras.executeScript).toHaveBeenCalledTimes(1));
    // The overlay now listens: the next failure reaches it as a message, with no second injection.
    extras.sendMessage.mockResolvedValue(undefined as never);
    await extras.webRequestError.trigger({ ...fetchError, url: 'ws://127.0.0.1:6667/', type: 'websocket' });
    await vi.waitFor(() => expect(extras.sendMessage).toHaveBeenCalledTimes(2));
    expect(extras.executeScript).toHaveBeenCalledTimes(1);
    // The page made both requests: the card may show their paths, never their queries.
    expect(
      await ask({ portDoctor: 'cardEntries', request: null }, fromCard(tabId, 'http://localhost:5173/')),
    ).toEqual([
      { label: 'http://127.0.0.1:6000/api', port: 6000, count: 1 },
      { label: 'ws://127.0.0.1:6667/', port: 6667, count: 1 },
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
    await sentinel();
    expect(await failuresForTab(tabId)).toEqual([]);
    expect(await readHistory()).toMatchObject([{ port: 10080 }]);
    expect(extras.executeScript).not.toHaveBeenCalled();
  });

  it('forgets a tab when it closes', async () => {
    const tabId = await openTab('http://localhost:6000/');
    await fakeBrowser.webNavigation.onErrorOccurred.trigger(unsafe('http://localhost:6000/', tabId));
    await vi.waitFor(async () => expect(await failuresForTab(tabId)).toHaveLength(1));
    await fakeBrowser.tabs.onRemoved.trigger(tabId, { windowId: 0, isWindowClosing: false });
    await vi.waitFor(async () => expect(await failuresForTab(tabId)).toEqual([]));
  });

  it('answers status to its own pages, and nobody outside the extension', async () => {
    expect(await ask({ portDoctor: 'status', request: null }, fromOptions())).toMatchObject({
      version: '9.9.9',
    });
    expect(
      await ask({ portDoctor: 'status', request: null }, { ...fromOptions(), id: 'another-extension' }),
    ).toBe(REFUSED);
  });

  describe('refuses what a content script inside a web page may not ask', () => {
    const page = 'http://localhost:5173/app';
    it.each([
      [
        'openUrl, which only the explanation page may send',
        { portDoctor: 'openUrl', request: { url: 'http://evil.test/' } },
      ],
      ['status', { portDoctor: 'status', request: null }],
    ])('%s', async (_what, message) => {
      const tabId = await openTab(page);
      expect(await ask(message, fromCard(tabId, page))).toBe(REFUSED);
      expect((await fakeBrowser.tabs.get(tabId)).url).toBe(page);
    });

    it.each([
      ['a sub-frame', (tabId: number) => fromCard(tabId, page, 3)],
      ['a page that is not http(s)', (tabId: number) => fromCard(tabId, 'file:///home/me/index.html')],
      ['no tab', () => ({ url: page, frameId: 0 })],
      ['an extension page', () => fromOptions()],
    ])('card messages from %s', async (_what, from) => {
      const tabId = await openTab(page);
      for (const portDoctor of ['cardEntries', 'preferredPorts', 'muteSite'])
        expect(await ask({ portDoctor, request: null }, from(tabId))).toBe(REFUSED);
      expect((await loadSettings()).mutedSites).toEqual([]);
    });

    it.each([
      ['no payload', undefined],
      ['a URL instead of a label', { url: 'http://127.0.0.1:6000/' }],
      ['an extra field', { label: 'http://127.0.0.1:6000', url: 'x' }],
      ['a label that is not text', { label: 42 }],
      ['a label of a megabyte', { label: 'x'.repeat(1 << 20) }],
    ])('openExplanation with %s', async (_what, request) => {
      const tabId = await openTab(page);
      expect(await ask({ portDoctor: 'openExplanation', request }, fromCard(tabId, page))).toBe(REFUSED);
    });

    it('openExplanation for a line the card never showed', async () => {
      const tabId = await openTab(page);
      const opened = vi.spyOn(fakeBrowser.tabs, 'create');
      expect(
        await ask(
          { portDoctor: 'openExplanation', request: { label: 'http://127.0.0.1:6000' } },
          fromCard(tabId, page),
        ),
      ).toBe(false);
      expect(opened).not.toHaveBeenCalled();
    });
  });

  it('opens at most one explanation a second for a page, however often its card is pressed', async () => {
    const page = 'http://localhost:5173/app';
    const tabId = await openTab(page);
    await extras.webRequestError.trigger({
      url: 'http://127.0.0.1:6000/api',
      tabId,
      frameId: 0,
      type: 'fetch',
      error: 'net::ERR_UNSAFE_PORT',
      initiator: 'http://localhost:5173',
    });
    await vi.waitFor(async () => expect(await failuresForTab(tabId)).toHaveLength(1));
    const opened = vi.spyOn(fakeBrowser.tabs, 'create');
    const why = { portDoctor: 'openExplanation', request: { label: 'http://127.0.0.1:6000/api' } };
    const answers = await Promise.all(Array.from({ length: 20 }, () => ask(why, fromCard(tabId, page))));
    expect(answers.filter((answer) => answer === true)).toHaveLength(1);
    expect(opened).toHaveBeenCalledTimes(1);
    expect(opened.mock.calls[0]?.[0].url).toContain('url=http%3A%2F%2F127.0.0.1%3A6000%2Fapi&');
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
    expect(
      await ask(
        { portDoctor: 'openUrl', request: { url: 'http://localhost:6000/' } },
        fromExplanation(tabId),
      ),
    ).toBe(true);
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
      expect(await ask({ portDoctor: 'openUrl', request: { url } }, fromExplanation(tabId))).toBe(false);
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
    expect(await ask({ portDoctor: 'muteSite', request: null }, fromOptions())).toBe(REFUSED);
    expect(
      await ask({ portDoctor: 'muteSite', request: null }, fromCard(tabId, 'http://localhost:5173/app')),
    ).toBe(true);
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

describe('deeper checks (the optional webRequest permission)', () => {
  it('off: nothing listens to requests; granted by a click: listening at once, no restart', async () => {
    fakeBrowser.reset();
    extras = installExtras();
    // Without the permission Chrome has no webRequest API at all.
    const webRequest = fakeBrowser.webRequest;
    Object.assign(fakeBrowser, { webRequest: undefined });
    background.main();
    expect(extras.webRequestError.hasListeners()).toBe(false);
    Object.assign(fakeBrowser, { webRequest });
    await extras.permissionAdded.trigger({ permissions: ['webRequest'] });
    expect(extras.webRequestError.hasListeners()).toBe(true);
    const tabId = await openTab('http://localhost:5173/');
    await extras.webRequestError.trigger({
      url: 'http://127.0.0.1:6000/api',
      tabId,
      frameId: 0,
      type: 'fetch',
      error: 'net::ERR_UNSAFE_PORT',
    });
    await vi.waitFor(() => expect(extras.executeScript).toHaveBeenCalledTimes(1));
  });
});
