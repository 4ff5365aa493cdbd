/** The options page's state against the fake browser: permissions asked on click, followed, reverted. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ALL_SITES_PERMISSION as ALL_SITES, OptionsState } from '@/entrypoints/options/options-state.svelte';
import { muteSite } from '@/lib/background/handlers';
import { DEFAULT_SETTINGS, loadSettings } from '@/lib/state/settings';
import { exportSettings, MAX_FILE_BYTES } from '@/lib/state/settings/file';
import { fakeEvent } from './fake-extras';

let held: Set<string>;
let answer: boolean;
let added: ReturnType<typeof fakeEvent>;
let removed: ReturnType<typeof fakeEvent>;

beforeEach(() => {
  fakeBrowser.reset();
  held = new Set();
  answer = false;
  added = fakeEvent();
  removed = fakeEvent();
  const key = (request: { origins?: string[]; permissions?: string[] }) =>
    [...(request.origins ?? []), ...(request.permissions ?? [])].join(' ');
  Object.assign(fakeBrowser.permissions, {
    onAdded: added,
    onRemoved: removed,
    contains: vi.fn(async (request: { origins?: string[] }) => held.has(key(request))),
    request: vi.fn(async (request: { origins?: string[] }) => {
      if (answer) held.add(key(request));
      return answer;
    }),
    remove: vi.fn(async (request: { origins?: string[] }) => held.delete(key(request))),
  });
});

async function started(): Promise<OptionsState> {
  const state = new OptionsState();
  await state.start(new AbortController().signal);
  return state;
}

describe('options state', () => {
  it('starts from the stored settings and the permissions held', async () => {
    held.add(ALL_SITES.origins.join(' '));
    const state = await started();
    expect(state.settings).toEqual(DEFAULT_SETTINGS);
    expect(state.allSites).toBe(true);
  });

  it('"all sites" refused: the switch stays off and the page says so', async () => {
    const state = await started();
    await state.setAllSites(true);
    expect(fakeBrowser.permissions.request).toHaveBeenCalledWith(ALL_SITES);
    expect(state.allSites).toBe(false);
    expect(state.notice).toEqual({ kind: 'all-sites-refused' });
  });

  it('"all sites" granted, then removed from the browser\'s own UI: the switch follows', async () => {
    answer = true;
    const state = await started();
    await state.setAllSites(true);
    expect(state.allSites).toBe(true);
    held.clear();
    await removed.trigger(ALL_SITES);
    await vi.waitFor(() => expect(state.allSites).toBe(false));
    held.add(ALL_SITES.origins.join(' '));
    await added.trigger(ALL_SITES);
    await vi.waitFor(() => expect(state.allSites).toBe(true));
  });

  it('"notification" refused falls back to the badge, stored and said', async () => {
    const state = await started();
    await state.chooseReaction('blockedNavigation', 'notify');
    expect(fakeBrowser.permissions.request).toHaveBeenCalledWith({ permissions: ['notifications'] });
    expect(state.settings?.blockedNavigation).toBe('badge');
    expect((await loadSettings()).blockedNavigation).toBe('badge');
    expect(state.notice).toEqual({ kind: 'notify-denied' });
  });

  it('"notification" granted is stored', async () => {
    answer = true;
    const state = await started();
    await state.chooseReaction('localFailures', 'notify');
    expect((await loadSettings()).localFailures).toBe('notify');
  });

  it('a bad import changes nothing; reset restores the defaults', async () => {
    const state = await started();
    await state.update({ historySize: 7 });
    await state.importFile('{"format":"port-doctor-settings","version":2,"settings":{"overlay":"no"}}');
    expect(state.notice).toEqual({
      kind: 'import-failed',
      error: { reason: 'invalid-fields', fields: ['overlay'] },
    });
    expect((await loadSettings()).historySize).toBe(7);
    await state.reset();
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
    expect(state.notice).toEqual({ kind: 'reset' });
  });

  it('Undo after a reset brings back every setting as it was, once', async () => {
    const state = await started();
    await state.update({ historySize: 7, localHosts: ['*.test'], devServer: 'rails' });
    await state.reset();
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
    await state.undoReset();
    expect(await loadSettings()).toEqual({
      ...DEFAULT_SETTINGS,
      historySize: 7,
      localHosts: ['*.test'],
      devServer: 'rails',
    });
    expect(state.notice).toEqual({ kind: 'saved' });
    // Nothing left to undo: a second Undo changes nothing.
    await state.update({ historySize: 3 });
    await state.undoReset();
    expect((await loadSettings()).historySize).toBe(3);
  });

  it('an import that turns on notifications asks for the permission; refused, it keeps the badge', async () => {
    const file = exportSettings({ ...DEFAULT_SETTINGS, blockedNavigation: 'notify', historySize: 9 });
    const state = await started();
    await state.importFile(file);
    expect(fakeBrowser.permissions.request).toHaveBeenCalledWith({ permissions: ['notifications'] });
    expect(await loadSettings()).toMatchObject({ blockedNavigation: 'badge', historySize: 9 });
    expect(state.notice).toEqual({ kind: 'notify-denied' });
    answer = true;
    await state.importFile(file);
    expect(await loadSettings()).toMatchObject({ blockedNavigation: 'notify' });
    expect(state.notice).toEqual({ kind: 'imported' });
  });

  // A settings file may come from anyone: it must not make its hosts local behind the user's back.
  it('an import with new local hosts applies nothing until the user answers; with them, they are added', async () => {
    const state = await started();
    await state.update({ localHosts: ['*.test'] });
    const file = exportSettings({
      ...DEFAULT_SETTINGS,
      localHosts: ['*.test', 'bank.example.com'],
      historySize: 9,
    });
    await state.importFile(file);
    expect(state.pendingImport?.hosts).toEqual(['bank.example.com']);
    expect(await loadSettings()).toMatchObject({
      localHosts: ['*.test'],
      historySize: DEFAULT_SETTINGS.historySize,
    });
    expect(state.notice).toBeUndefined();
    await state.answerImport(true);
    expect(state.pendingImport).toBeUndefined();
    expect(await loadSettings()).toMatchObject({
      localHosts: ['*.test', 'bank.example.com'],
      historySize: 9,
    });
    expect(state.notice).toEqual({ kind: 'imported' });
  });

  it('an import answered "without them" applies the rest of the file, its new local hosts left out', async () => {
    const state = await started();
    await state.update({ localHosts: ['*.test'] });
    await state.importFile(
      exportSettings({
        ...DEFAULT_SETTINGS,
        localHosts: ['*.test', 'a.lan', '*.dev.example.com'],
        historySize: 9,
      }),
    );
    expect(state.pendingImport?.hosts).toEqual(['a.lan', '*.dev.example.com']);
    await state.answerImport(false);
    expect(await loadSettings()).toMatchObject({ localHosts: ['*.test'], historySize: 9 });
    expect(state.notice).toEqual({ kind: 'imported' });
    // Asked once: a second answer changes nothing.
    await state.answerImport(true);
    expect((await loadSettings()).localHosts).toEqual(['*.test']);
  });

  it('an import whose local hosts are all in the list already applies at once', async () => {
    const state = await started();
    await state.update({ localHosts: ['*.test', 'a.lan'] });
    await state.importFile(exportSettings({ ...DEFAULT_SETTINGS, localHosts: ['a.lan'], historySize: 9 }));
    expect(state.pendingImport).toBeUndefined();
    expect(await loadSettings()).toMatchObject({ localHosts: ['a.lan'], historySize: 9 });
  });

  // Judged by File.size in bytes, before the file is read: a huge file is never loaded into memory.
  it('a file over the size limit is "too large", and is not read', async () => {
    const state = await started();
    const big = new Blob([' '.repeat(MAX_FILE_BYTES + 1)]);
    const read = vi.spyOn(big, 'text');
    await state.importBlob(big);
    expect(read).not.toHaveBeenCalled();
    expect(state.notice).toEqual({ kind: 'import-failed', error: { reason: 'too-large' } });
    await state.importBlob(new Blob([exportSettings({ ...DEFAULT_SETTINGS, historySize: 9 })]));
    expect((await loadSettings()).historySize).toBe(9);
    expect(state.notice).toEqual({ kind: 'imported' });
  });

  // The review's second bug: 'off' is a truthy string, so a refusal used to read "Saved".
  it('deeper checks refused: the switch stays off and the page says so; granted: saved', async () => {
    const state = await started();
    await state.setDeeperChecks(true);
    expect(fakeBrowser.permissions.request).toHaveBeenCalledWith({ permissions: ['webRequest'] });
    expect(state.deeperChecks).toBe('off');
    expect(state.notice).toEqual({ kind: 'deeper-refused' });
    answer = true;
    await state.setDeeperChecks(true);
    expect(state.deeperChecks).toBe('after-restart');
    expect(state.notice).toEqual({ kind: 'saved' });
  });

  it('saves only what it changed: a site muted meanwhile from a card is kept', async () => {
    const state = await started();
    await muteSite('http://localhost:5173');
    await state.update({ historySize: 4 });
    expect(await loadSettings()).toMatchObject({ mutedSites: ['http://localhost:5173'], historySize: 4 });
  });

  it('a save both storage areas refuse is said, and the page shows what is stored', async () => {
    const state = await started();
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await state.update({ historySize: 4 });
    expect(state.notice).toEqual({ kind: 'save-failed' });
    expect(state.settings?.historySize).toBe(DEFAULT_SETTINGS.historySize);
  });

  it('stops following the permissions once its page goes', async () => {
    const stop = new AbortController();
    const state = new OptionsState();
    await state.start(stop.signal);
    stop.abort();
    expect(added.hasListeners()).toBe(false);
    expect(removed.hasListeners()).toBe(false);
  });
});
