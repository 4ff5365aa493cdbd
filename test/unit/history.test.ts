import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Failure } from '@/lib/failure';
import { addToHistory, clearHistory, HISTORY_SIZE, readHistory } from '@/lib/history';

const failure = (port: number, time: number): Failure => ({
  kind: 'blocked-port',
  url: `http://localhost:${port}/`,
  port,
  code: 'net::ERR_UNSAFE_PORT',
  engine: 'chromium',
  tabId: 1,
  frameId: 0,
  resource: 'main_frame',
  time,
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
      time: 29,
    });
    expect(entries.at(-1)?.port).toBe(6010);
  });

  it('lists a repeated failure once, at its latest time', async () => {
    await addToHistory(failure(6000, 1));
    await addToHistory(failure(6667, 2));
    await addToHistory(failure(6000, 3));
    expect((await readHistory()).map((entry) => [entry.port, entry.time])).toEqual([
      [6000, 3],
      [6667, 2],
    ]);
  });

  it.each([42, 'x', { a: 1 }, [1, null, { url: 3 }], null])(
    'reads a corrupt store (%j) as what is valid in it',
    async (stored) => {
      await fakeBrowser.storage.local.set({ history: stored });
      expect(await readHistory()).toEqual([]);
    },
  );

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
