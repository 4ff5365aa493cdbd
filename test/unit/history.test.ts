import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Failure } from '@/lib/kinds/failure';
import { byteLength } from '@/lib/core/bounded';
import {
  addToHistory,
  clearHistory,
  HISTORY_SIZE,
  MAX_HISTORY_BYTES,
  MAX_HISTORY_SIZE,
  readHistory,
} from '@/lib/state/history';

/** Times as the background records them: milliseconds since the epoch, here in 2026. */
const T0 = Date.UTC(2026, 10, 29);

const failure = (port: number, at: number): Failure => ({
  kind: 'blocked-port',
  url: `http://localhost:${port}/`,
  port,
  code: 'net::ERR_UNSAFE_PORT',
  engine: 'chromium',
  tabId: 1,
  frameId: 0,
  resource: 'main_frame',
  time: T0 + at,
});

describe('history', () => {
  beforeEach(() => fakeBrowser.reset());

  it('keeps the last 20 failures, newest first', async () => {
    for (let index = 0; index < 30; index++) await addToHistory(failure(6000 + index, index));
    const entries = await readHistory();
    expect(entries).toHaveLength(HISTORY_SIZE);
    expect(entries[0]).toEqual({
      kind: 'blocked-port',
      url: 'http://localhost:6029/',
      port: 6029,
      code: 'net::ERR_UNSAFE_PORT',
      time: T0 + 29,
      count: 1,
    });
    expect(entries.at(-1)?.port).toBe(6010);
  });

  it('lists a repeated failure once, at its latest time', async () => {
    await addToHistory(failure(6000, 1));
    await addToHistory(failure(6667, 2));
    await addToHistory(failure(6000, 3));
    expect((await readHistory()).map((entry) => [entry.port, entry.time - T0])).toEqual([
      [6000, 3],
      [6667, 2],
    ]);
  });

  it('counts a failure that repeats (a page retrying a server that is down): one row, the count, the last time', async () => {
    for (let retry = 0; retry < 50; retry++) await addToHistory(failure(5173, retry));
    await Promise.all(Array.from({ length: 25 }, (_, index) => addToHistory(failure(5173, 100 + index))));
    expect(await readHistory()).toMatchObject([{ port: 5173, count: 75, time: T0 + 124 }]);
  });

  it('stops counting at its bound, and reads old entries without a count as one', async () => {
    const { historyItem, MAX_COUNT } = await import('@/lib/state/history');
    const old = {
      kind: 'blocked-port',
      url: 'http://localhost:6000/',
      port: 6000,
      code: 'net::ERR_UNSAFE_PORT',
      time: T0,
    };
    await historyItem.setValue([{ ...old, count: MAX_COUNT }]);
    await addToHistory(failure(6000, 5));
    expect(await readHistory()).toMatchObject([{ port: 6000, count: MAX_COUNT }]);
    await historyItem.setValue([old]);
    expect(await readHistory()).toMatchObject([{ port: 6000, count: 1 }]);
    await historyItem.setValue([{ ...old, count: -3 }]);
    expect(await readHistory()).toEqual([]);
  });

  it.each([42, 'x', { a: 1 }, [1, null, { url: 3 }], null])(
    'reads a corrupt store (%j) as what is valid in it',
    async (stored) => {
      await fakeBrowser.storage.local.set({ history: stored });
      expect(await readHistory()).toEqual([]);
    },
  );

  it.each([
    ['a time no Date can format', { time: 1e20 }],
    ['a time before 2000', { time: 5 }],
    ['a time that is not a number', { time: 'yesterday' }],
    ['an unknown kind', { kind: 'evil' }],
    ['a port that is no integer', { port: 60.5 }],
  ])('drops an entry with %s', async (_what, patch) => {
    const good = { kind: 'blocked-port', url: 'http://localhost:6000/', port: 6000, code: 'c', time: T0 };
    await fakeBrowser.storage.local.set({
      history: [{ ...good, url: 'http://localhost:6667/', ...patch }, good],
    });
    expect(await readHistory()).toEqual([{ ...good, count: 1 }]);
  });

  it('lists one entry per URL and error, so the popup never has two rows with one key', async () => {
    const entry = { kind: 'blocked-port', url: 'http://localhost:6000/', port: 6000, code: 'c', time: T0 };
    await fakeBrowser.storage.local.set({
      history: [entry, { ...entry, time: T0 - 1 }, { ...entry, code: 'd' }],
    });
    expect((await readHistory()).map((read) => read.code)).toEqual(['c', 'd']);
  });

  it('stays within its byte cap, whatever the URLs hold', async () => {
    const long = (port: number): Failure => ({
      ...failure(port, port),
      url: `http://localhost:${port}/${'a'.repeat(1900)}`,
    });
    for (let port = 6000; port < 6100; port++) await addToHistory(long(port), MAX_HISTORY_SIZE);
    const stored = (await fakeBrowser.storage.local.get('history')).history;
    expect(byteLength(stored)).toBeLessThanOrEqual(MAX_HISTORY_BYTES);
    expect((await readHistory())[0]?.port).toBe(6099);
  });

  it('writes a burst of failures in a few writes, and keeps them all', async () => {
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    await Promise.all(
      Array.from({ length: 50 }, (_, index) => addToHistory(failure(6000 + index, index), 50)),
    );
    expect(await readHistory()).toHaveLength(50);
    expect(set.mock.calls.length).toBeLessThanOrEqual(2);
  });

  it('clears', async () => {
    await addToHistory(failure(6000, 1));
    await clearHistory();
    expect(await readHistory()).toEqual([]);
  });
});

describe('history size (the setting)', () => {
  beforeEach(() => fakeBrowser.reset());

  it.each([
    [0, []],
    [1, [6003]],
    [3, [6003, 6002, 6001]],
  ])('keeps at most %i entries', async (size, ports) => {
    for (const port of [6000, 6001, 6002, 6003]) await addToHistory(failure(port, port), size);
    expect((await readHistory()).map((entry) => entry.port)).toEqual(ports);
  });
});
