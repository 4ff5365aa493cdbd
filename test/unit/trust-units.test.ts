/** The pure parts of "hostile pages get nothing": bounded URLs, the card's view, sender rules, matching starts. */
import { describe, expect, it } from 'vitest';
import { boundUrl, byteLength, MAX_URL_LENGTH, originOf, withoutQuery } from '@/lib/core/bounded';
import { cardEntries, failureOfLabel } from '@/lib/view/card';
import { matchesStart, START_WINDOW_MS } from '@/lib/signals/navigation-starts';
import { giveBack, NavigationSeq, REDIRECT_WINDOW_MS } from '@/lib/signals/navigation-seq';
import { mayPreEmpt } from '@/lib/signals/pre-empt';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/state/settings';
import { callerRoles, MAX_FOUND, noPayload, onlyFound, onlyString, RateLimit } from '@/lib/protocol/senders';
import type { TabFailure } from '@/lib/state/tab-state';

describe('boundUrl', () => {
  const long = `http://localhost:3000/${'p'.repeat(3000)}`;
  it.each([
    [
      'a local URL: no query or fragment either (an OAuth loopback callback carries its code there)',
      'http://127.0.0.1:53682/?code=SECRET&state=x#frag',
      true,
      'main_frame',
      'http://127.0.0.1:53682/',
    ],
    ['a local request', 'http://localhost:5173/a?b=c#d', true, 'xmlhttprequest', 'http://localhost:5173/a'],
    [
      'a remote request: no query or fragment',
      'http://api.test:6000/v1?key=SECRET#x',
      false,
      'fetch',
      'http://api.test:6000/v1',
    ],
    [
      'a remote frame: its origin only',
      'http://flood.invalid:6000/aaaa?x=1',
      false,
      'sub_frame',
      'http://flood.invalid:6000/',
    ],
    ['a remote tab: no query', 'http://evil.test:5060/x?y', false, 'main_frame', 'http://evil.test:5060/x'],
    [
      'a local URL too long: without its query',
      `http://localhost:3000/a?${'q'.repeat(3000)}`,
      true,
      'fetch',
      'http://localhost:3000/a',
    ],
    ['a local path too long: its origin', long, true, 'fetch', 'http://localhost:3000/'],
    ['a WebSocket', 'ws://127.0.0.1:6667/socket?t=1', false, 'websocket', 'ws://127.0.0.1:6667/socket'],
  ])('%s', (_what, url, local, resource, expected) => {
    expect(boundUrl(url, local, resource)).toBe(expected);
    expect(boundUrl(url, local, resource).length).toBeLessThanOrEqual(MAX_URL_LENGTH);
  });

  it('never returns more than the cap, whatever the text', () => {
    expect(boundUrl('x'.repeat(100_000), true, 'fetch')).toHaveLength(MAX_URL_LENGTH);
  });

  it('originOf and withoutQuery', () => {
    expect(originOf('http://127.0.0.1:6000/cb?code=SECRET')).toBe('http://127.0.0.1:6000');
    expect(withoutQuery('http://127.0.0.1:6000/cb?code=SECRET#f')).toBe('http://127.0.0.1:6000/cb');
    expect(originOf('nonsense')).toBe('');
  });

  it('byteLength counts UTF-8 bytes of the JSON', () => {
    expect(byteLength({ a: '한' })).toBe(JSON.stringify({ a: '' }).length + 3);
  });
});

const failure = (patch: Partial<TabFailure>): TabFailure => ({
  kind: 'blocked-port',
  url: 'http://127.0.0.1:6000/api?token=SECRET',
  port: 6000,
  code: 'net::ERR_UNSAFE_PORT',
  engine: 'chromium',
  tabId: 1,
  frameId: 0,
  resource: 'xmlhttprequest',
  time: 1,
  count: 1,
  ...patch,
});
const PAGE = 'http://localhost:5173';

describe('cardEntries: what the card may show its page', () => {
  it.each([
    [
      "the page's own request: its path, not its query",
      failure({ initiator: PAGE }),
      'http://127.0.0.1:6000/api',
    ],
    ["a same-origin frame's request", failure({ initiator: PAGE, frameId: 3 }), 'http://127.0.0.1:6000/api'],
    [
      "a cross-origin frame's request: where it pointed",
      failure({ initiator: 'http://widget.test', frameId: 3 }),
      'http://127.0.0.1:6000',
    ],
    ['a request with no initiator', failure({}), 'http://127.0.0.1:6000'],
    [
      'a frame (maybe redirected there)',
      failure({ resource: 'sub_frame', frameId: 2, initiator: PAGE }),
      'http://127.0.0.1:6000',
    ],
  ])('%s', (_what, entry, label) => {
    expect(cardEntries([entry], PAGE)).toEqual([{ label, port: 6000, count: 1 }]);
  });

  it('leaves out failed navigations and other kinds, and merges what looks the same to the page', () => {
    const entries = cardEntries(
      [
        failure({ resource: 'main_frame' }),
        failure({ kind: 'connection-refused' }),
        failure({ url: 'http://127.0.0.1:6000/a', count: 2 }),
        failure({ url: 'http://127.0.0.1:6000/b', count: 3 }),
      ],
      PAGE,
    );
    expect(entries).toEqual([{ label: 'http://127.0.0.1:6000', port: 6000, count: 5 }]);
  });

  it('finds the failure behind a label, and none for a label it never gave', () => {
    const list = [failure({ initiator: PAGE })];
    expect(failureOfLabel(list, PAGE, 'http://127.0.0.1:6000/api')).toBe(list[0]);
    expect(failureOfLabel(list, PAGE, 'http://127.0.0.1:6000/api?token=SECRET')).toBeUndefined();
    expect(failureOfLabel(list, 'http://other.test', 'http://127.0.0.1:6000/api')).toBeUndefined();
  });
});

describe('callerRoles', () => {
  const ID = 'abc';
  const BASE = 'chrome-extension://abc/';
  it.each([
    ['the options page', { id: ID, url: `${BASE}options.html` }, ['extension-page']],
    [
      'the explanation page in a tab',
      { id: ID, url: `${BASE}explain.html?url=x`, tab: { id: 4 }, frameId: 0 },
      ['extension-page', 'explanation-page'],
    ],
    ['the explanation page in no tab', { id: ID, url: `${BASE}explain.html` }, ['extension-page']],
    [
      'the card in a top frame',
      { id: ID, url: 'http://localhost:5173/', tab: { id: 4 }, frameId: 0 },
      ['card'],
    ],
    [
      'a content script in a sub-frame',
      { id: ID, url: 'http://localhost:5173/', tab: { id: 4 }, frameId: 2 },
      [],
    ],
    ['a content script on a file page', { id: ID, url: 'file:///x.html', tab: { id: 4 }, frameId: 0 }, []],
    ['another extension', { id: 'other', url: `${BASE}options.html` }, []],
    [
      'another extension page by URL',
      { id: ID, url: 'chrome-extension://other/explain.html', tab: { id: 4 }, frameId: 0 },
      [],
    ],
    ['no URL', { id: ID, tab: { id: 4 }, frameId: 0 }, []],
  ])('%s', (_what, sender, roles) => {
    expect([...callerRoles(sender, ID, BASE)].sort()).toEqual([...roles].sort());
  });
});

describe('payload shapes', () => {
  it.each([
    [null, null],
    [undefined, null],
    [{}, undefined],
    ['x', undefined],
  ])('noPayload(%j)', (value, expected) => expect(noPayload(value)).toBe(expected));

  const label = onlyString('label', 10);
  it.each([
    [{ label: 'abc' }, { label: 'abc' }],
    [{ label: '' }, undefined],
    [{ label: 'x'.repeat(11) }, undefined],
    [{ label: 'a', more: 1 }, undefined],
    [{ label: 5 }, undefined],
    [['label'], undefined],
    [null, undefined],
  ])('onlyString(%j)', (value, expected) => expect(label(value)).toEqual(expected));
});

describe('RateLimit', () => {
  it('one call per window and key', () => {
    const limit = new RateLimit(1000);
    expect([
      limit.allow(1, 0),
      limit.allow(1, 10),
      limit.allow(2, 10),
      limit.allow(1, 999),
      limit.allow(1, 1000),
    ]).toEqual([true, false, true, false, true]);
  });
});

describe('matchesStart (Firefox: did this load start?)', () => {
  const start = { origin: 'http://localhost:6000', time: 0 };
  it.each([
    ['the same URL', 'http://localhost:6000/', 10, true],
    ['after a redirect on the same origin', 'http://localhost:6000/app/', 10, true],
    ['another origin', 'http://localhost:6001/', 10, false],
    ['another scheme', 'https://localhost:6000/', 10, false],
    ['at the end of the window', 'http://localhost:6000/', START_WINDOW_MS, true],
    ['after the window', 'http://localhost:6000/', START_WINDOW_MS + 1, false],
  ])('%s', (_what, url, now, expected) => expect(matchesStart(start, url, now)).toBe(expected));

  it('no start', () => expect(matchesStart(undefined, 'http://localhost:6000/', 0)).toBe(false));
});

describe('NavigationSeq', () => {
  it('tells whether the tab moved on since the snapshot', () => {
    const seq = new NavigationSeq();
    seq.bump(1, 'http://localhost:6000/');
    const first = seq.snapshot(1, 'http://localhost:6000/');
    expect(first()).toBe(true);
    seq.bump(2, 'http://localhost:6665/');
    expect(first()).toBe(true);
    seq.bump(1, 'http://localhost:6665/');
    expect(first()).toBe(false);
    expect(seq.snapshot(1, 'http://localhost:6665/')()).toBe(true);
  });

  it("a failure whose event arrives after the next navigation's start is already stale", () => {
    const seq = new NavigationSeq();
    seq.bump(1, 'http://localhost:6000/');
    seq.bump(1, 'http://localhost:6665/');
    expect(seq.snapshot(1, 'http://localhost:6000/')()).toBe(false);
  });

  it('a failure at the https:// twin of the latest URL is that navigation, upgraded on its way (HSTS)', () => {
    const seq = new NavigationSeq();
    seq.bump(1, 'http://myapp.dev:5173/app');
    // Chromium 156 reports the HSTS-upgraded URL in onErrorOccurred.
    expect(seq.snapshot(1, 'https://myapp.dev:5173/app')()).toBe(true);
    expect(seq.snapshot(1, 'https://myapp.dev:5174/app')()).toBe(false);
    seq.bump(2, 'https://myapp.dev/');
    expect(seq.snapshot(2, 'http://myapp.dev/')()).toBe(false);
  });

  it("Firefox's error page committed for the navigation that started is that navigation, not a new one", () => {
    const seq = new NavigationSeq();
    seq.bump(1, 'http://devbox.test:4000/');
    const refused = seq.snapshot(1, 'http://devbox.test:4000/');
    seq.committed(1, 'http://devbox.test:4000/');
    expect(refused()).toBe(true);
    // A commit at another URL (a blocked port: Firefox starts nothing) is a navigation of its own.
    seq.committed(1, 'http://localhost:6000/');
    expect(refused()).toBe(false);
  });

  it('a tab the background has seen nothing of (a restarted worker) counts as not moved on', () => {
    expect(new NavigationSeq().snapshot(4, 'http://localhost:6000/')()).toBe(true);
  });

  it('an aborted navigation that started after our redirect, within the window, was cut off by us', () => {
    const seq = new NavigationSeq();
    seq.bump(1, 'http://localhost:6000/');
    seq.redirected(1, 0);
    expect(seq.abortedByUs(1, 10)).toBeNull();
    seq.bump(1, 'http://localhost:6665/');
    expect(seq.abortedByUs(1, REDIRECT_WINDOW_MS + 1)).toBeNull();
    seq.redirected(1, 0);
    seq.bump(1, 'http://localhost:6666/');
    expect(seq.abortedByUs(1, 10)).toEqual({ fromPage: false });
    expect(seq.abortedByUs(1, 20)).toBeNull();
  });

  it.each([
    ['after the error page replaced the page', ['live', 'error'], false, false],
    ['pre-empted in a tab nothing was seen of (a new tab)', [], true, false],
    ['pre-empted over a live web page', ['live'], true, true],
    ['pre-empted over an error page', ['live', 'error'], true, false],
  ] as const)('who may have started a cut-off navigation: %s', (_what, shown, preEmpted, fromPage) => {
    const seq = new NavigationSeq();
    for (const page of shown) seq.shown(1, page === 'live');
    seq.redirected(1, 0, preEmpted);
    seq.bump(1, 'https://victim.example/');
    expect(seq.abortedByUs(1, 10)).toEqual({ fromPage });
  });

  it.each([
    [{ fromPage: false }, false, 'load'],
    [{ fromPage: true }, false, 'offer'],
    [{ fromPage: false }, true, 'offer'],
    [{ fromPage: true }, true, 'offer'],
  ] as const)('giveBack(%o, opened by a page: %s) → %s', (aborted, openedByPage, expected) => {
    expect(giveBack(aborted, openedByPage)).toBe(expected);
  });
});

describe('mayPreEmpt (Chromium: explain a navigation as it starts)', () => {
  const base = {
    url: 'http://localhost:6000/',
    port: 6000,
    settings: DEFAULT_SETTINGS as Settings,
    refusedBefore: true,
    inactive: false,
    explained: undefined,
  };
  it.each([
    ['a port refused before, all known', {}, true],
    ['a port never refused this session (maybe re-allowed)', { refusedBefore: false }, false],
    ['the settings not read yet', { settings: undefined }, false],
    ['the tab state not read yet', { explained: null }, false],
    ['Back to the URL just explained', { explained: 'http://localhost:6000/' }, false],
    [
      'Back to a remote URL explained without its query',
      { url: 'http://evil.test:6000/x?q', explained: 'http://evil.test:6000/x' },
      false,
    ],
    ['another URL explained before', { explained: 'http://localhost:6665/' }, true],
    ['a prerender', { inactive: true }, false],
    ['badge only', { settings: { ...DEFAULT_SETTINGS, blockedNavigation: 'badge' } as Settings }, false],
    [
      'a port the user unblocked',
      { settings: { ...DEFAULT_SETTINGS, unblockedPorts: ['6000'] } as Settings },
      false,
    ],
    ['no port', { port: null }, false],
  ])('%s', (_what, patch, expected) => expect(mayPreEmpt({ ...base, ...patch })).toBe(expected));
});

describe('onlyFound: what a page may report its scan found', () => {
  const good = { port: 5173, tool: 'vite', title: 'shop' };
  it.each([
    ['a good list', { found: [good, { port: 8000, tool: null, title: null }] }, true],
    ['an empty list', { found: [] }, true],
    ['another key beside it', { found: [good], more: 1 }, false],
    ['an entry with another key', { found: [{ ...good, url: 'x' }] }, false],
    ['a port out of range', { found: [{ ...good, port: 0 }] }, false],
    ['a tool id too long', { found: [{ ...good, tool: 'x'.repeat(41) }] }, false],
    ['a title too long', { found: [{ ...good, title: 'x'.repeat(10_000) }] }, false],
    ['too many', { found: Array.from({ length: MAX_FOUND + 1 }, () => good) }, false],
    ['not a list', { found: good }, false],
  ])('%s', (_, value, valid) => {
    expect(onlyFound(value) !== undefined).toBe(valid);
  });
});
