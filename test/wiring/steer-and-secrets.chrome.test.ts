/**
 * No page steers a tab through Port Doctor, and no secret in a URL outlives its tab (Chrome build, the running
 * background on WXT's fake browser): the two medium/low rows of the trust review, with the event sequences that
 * exploited them.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '@/entrypoints/background';
import { readHistory } from '@/lib/state/history';
import { DEFAULT_SETTINGS, saveSettings } from '@/lib/state/settings';
import { explainedUrl, failuresForTab, offeredUrl } from '@/lib/state/tab-state';
import { ask, frameDetails, fromExplanation, installExtras } from './fake-extras';

beforeEach(() => {
  fakeBrowser.reset();
  installExtras();
  background.main();
});

const urlOf = async (tabId: number) => (await fakeBrowser.tabs.get(tabId)).url ?? '';
const unsafe = (url: string, tabId: number) => ({
  ...frameDetails(url, tabId),
  error: 'net::ERR_UNSAFE_PORT',
});
const aborted = (url: string, tabId: number) => ({ ...frameDetails(url, tabId), error: 'net::ERR_ABORTED' });
const VICTIM = 'https://victim.example/transfer?to=attacker';

/** A blocked URL fails in the tab and the background sends the tab to its explanation. */
async function explainBlocked(tabId: number): Promise<void> {
  await fakeBrowser.webNavigation.onBeforeNavigate.trigger(frameDetails('http://localhost:6000/', tabId));
  await fakeBrowser.webNavigation.onErrorOccurred.trigger(unsafe('http://localhost:6000/', tabId));
  await vi.waitFor(async () => expect(await urlOf(tabId)).toContain('/explain.html?url='));
}

/** A navigation to VICTIM starts in the tab and is aborted: the shape Chromium reports when a redirect cuts it. */
async function cutOffVictim(tabId: number): Promise<void> {
  await fakeBrowser.webNavigation.onBeforeNavigate.trigger(frameDetails(VICTIM, tabId));
  await fakeBrowser.webNavigation.onErrorOccurred.trigger(aborted(VICTIM, tabId));
}

describe('a navigation our redirect cut off (review row 1)', () => {
  it('in a tab a page opened: never loaded by us, offered on the explanation', async () => {
    const opener = (await fakeBrowser.tabs.create({ url: 'https://evil.example/' })).id!;
    const tabId = (await fakeBrowser.tabs.create({ url: 'http://localhost:6000/' })).id!;
    // The fake browser keeps no opener: the tab as Chromium and Firefox describe a window.open'ed one.
    const get = fakeBrowser.tabs.get.bind(fakeBrowser.tabs);
    vi.spyOn(fakeBrowser.tabs, 'get').mockImplementation(async (id) => ({
      ...(await get(id)),
      ...(id === tabId && { openerTabId: opener }),
    }));
    const update = vi.spyOn(fakeBrowser.tabs, 'update');
    await explainBlocked(tabId);
    update.mockClear();
    await cutOffVictim(tabId);
    // The offer is the sentinel: the decision has been made once it is stored.
    await vi.waitFor(async () => expect(await offeredUrl(tabId)).toBe(VICTIM));
    expect(update).not.toHaveBeenCalled();
    expect(await urlOf(tabId)).toContain('/explain.html?url=');
    // The user's click on "Continue to …" loads it.
    expect(await ask({ portDoctor: 'openUrl', request: { url: VICTIM } }, fromExplanation(tabId))).toBe(true);
    expect(await urlOf(tabId)).toBe(VICTIM);
    expect(await offeredUrl(tabId)).toBeUndefined();
  });

  it('pre-empted over a live page: that page may have started it, so it is offered', async () => {
    const tabId = (await fakeBrowser.tabs.create({ url: 'http://localhost:6000/' })).id!;
    // 6000 refused once: the next navigation to it is pre-empted (lib/signals/pre-empt.ts).
    await explainBlocked(tabId);
    await fakeBrowser.webNavigation.onCommitted.trigger({
      ...frameDetails('https://evil.example/', tabId),
      transitionType: 'link',
      transitionQualifiers: [],
    });
    const update = vi.spyOn(fakeBrowser.tabs, 'update');
    await fakeBrowser.webNavigation.onBeforeNavigate.trigger(
      frameDetails('http://localhost:6000/again', tabId),
    );
    await vi.waitFor(() =>
      expect(update).toHaveBeenCalledWith(tabId, { url: expect.stringContaining('%2Fagain') as string }),
    );
    update.mockClear();
    await cutOffVictim(tabId);
    await vi.waitFor(async () => expect(await offeredUrl(tabId)).toBe(VICTIM));
    expect(update).not.toHaveBeenCalled();
  });

  it("the user's own next URL in a tab no page opened still wins: loaded again", async () => {
    const tabId = (await fakeBrowser.tabs.create({ url: 'http://localhost:6000/' })).id!;
    await explainBlocked(tabId);
    await cutOffVictim(tabId);
    await vi.waitFor(async () => expect(await urlOf(tabId)).toBe(VICTIM));
    expect(await offeredUrl(tabId)).toBeUndefined();
  });
});

describe('a secret in a local URL (review row 2)', () => {
  const SECRET_URL = 'http://127.0.0.1:53682/?code=SECRET&state=x#frag';
  const refused = (tabId: number) => ({
    ...frameDetails(SECRET_URL, tabId),
    error: 'net::ERR_CONNECTION_REFUSED',
  });
  const storedText = async () =>
    JSON.stringify([await fakeBrowser.storage.local.get(), await fakeBrowser.storage.sync.get()]);

  it('explained in its tab: no query in the history, the page address or any stored area but the tab session', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, localFailures: 'explain' });
    const tabId = (await fakeBrowser.tabs.create({ url: SECRET_URL })).id!;
    await fakeBrowser.webNavigation.onBeforeNavigate.trigger(frameDetails(SECRET_URL, tabId));
    await fakeBrowser.webNavigation.onErrorOccurred.trigger(refused(tabId));
    await vi.waitFor(async () => expect(await urlOf(tabId)).toContain('/explain.html?url='));
    await vi.waitFor(async () => expect(await readHistory()).toHaveLength(1));
    expect(await urlOf(tabId)).not.toContain('SECRET');
    expect(JSON.stringify(await readHistory())).not.toContain('SECRET');
    expect(await storedText()).not.toContain('SECRET');
    expect(await explainedUrl(tabId)).toBe('http://127.0.0.1:53682/');
    expect(JSON.stringify(await failuresForTab(tabId))).not.toContain('SECRET');
    // Retry in that tab loads what failed, query included: kept for it in session storage only.
    const shown = 'http://127.0.0.1:53682/';
    expect(await ask({ portDoctor: 'openUrl', request: { url: shown } }, fromExplanation(tabId))).toBe(true);
    expect(await urlOf(tabId)).toBe(SECRET_URL);
    // Another tab's explanation of the same address gets the address only.
    const other = (await fakeBrowser.tabs.create({ url: 'about:blank' })).id!;
    await ask({ portDoctor: 'openUrl', request: { url: shown } }, fromExplanation(other));
    expect(await urlOf(other)).toBe(shown);
  });

  it('notified: the notification says the address without its query', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, localFailures: 'notify' });
    const create = vi.fn(async () => 'id');
    Object.assign(fakeBrowser.notifications, { create });
    const tabId = (await fakeBrowser.tabs.create({ url: SECRET_URL })).id!;
    await fakeBrowser.webNavigation.onErrorOccurred.trigger(refused(tabId));
    await vi.waitFor(() => expect(create).toHaveBeenCalledTimes(1));
    expect(JSON.stringify(create.mock.calls)).not.toContain('SECRET');
    expect(JSON.stringify(create.mock.calls)).toContain('http://127.0.0.1:53682/');
  });

  it('a history kept before this rule is shown without its queries', async () => {
    await fakeBrowser.storage.local.set({
      history: [{ kind: 'connection-refused', url: SECRET_URL, port: 53682, code: 'x', time: Date.now() }],
    });
    expect((await readHistory()).map((entry) => entry.url)).toEqual(['http://127.0.0.1:53682/']);
  });
});
