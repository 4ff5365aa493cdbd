/** The one stored-value primitive (lib/state/stored.ts): read once and validated, batched writes, capped, recovered. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storage } from 'wxt/utils/storage';
import { Stored } from '@/lib/state/stored';

const item = storage.defineItem<unknown>('session:storedTest', { fallback: [] });
const numbers = (raw: unknown) =>
  Array.isArray(raw) ? raw.filter((n): n is number => Number.isInteger(n)) : [];

describe('Stored', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reads once, validated: a corrupt value reads as what the reader makes of it', async () => {
    await fakeBrowser.storage.session.set({ storedTest: [1, 'x', 2, null] });
    const stored = new Stored<number[]>(item, [], { name: 'test', read: numbers });
    expect(stored.ready()).toBe(false);
    expect(stored.peek()).toBeUndefined();
    expect(await stored.get()).toEqual([1, 2]);
    expect(stored.peek()).toEqual([1, 2]);
    await fakeBrowser.storage.session.set({ storedTest: [9] });
    expect(await stored.get()).toEqual([1, 2]);
  });

  it('writes changes made during a write together, and nothing for a change that changed nothing', async () => {
    const set = vi.spyOn(fakeBrowser.storage.session, 'set');
    const stored = new Stored<number[]>(item, [], { name: 'test', read: numbers });
    await Promise.all(Array.from({ length: 50 }, (_, n) => stored.update((list) => void list.push(n))));
    expect(set.mock.calls.length).toBeLessThanOrEqual(3);
    expect((await fakeBrowser.storage.session.get('storedTest')).storedTest).toHaveLength(50);
    set.mockClear();
    await stored.update(() => false);
    expect(set).not.toHaveBeenCalled();
  });

  it('caps before each write, and keeps less when the area refuses the write', async () => {
    const stored = new Stored<number[]>(item, [], {
      name: 'test',
      read: numbers,
      cap: (list) => list.slice(-3),
      recover: (list) => list.slice(-1),
    });
    await stored.update(() => [1, 2, 3, 4, 5]);
    expect((await fakeBrowser.storage.session.get('storedTest')).storedTest).toEqual([3, 4, 5]);
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.spyOn(fakeBrowser.storage.session, 'set').mockRejectedValueOnce(
      new Error('QUOTA_BYTES quota exceeded'),
    );
    await stored.update((list) => [...list, 6]);
    expect(await stored.get()).toEqual([6]);
    expect((await fakeBrowser.storage.session.get('storedTest')).storedTest).toEqual([6]);
  });
});
