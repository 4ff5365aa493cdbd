/**
 * The apps remembered on this machine's loopback ports (lib/servers/apps.ts), in storage.local. The background
 * alone writes them (pages ask it: lib/protocol/messages.ts), so a page's write never races its batched one;
 * pages read them. Bounded in count and in each field (MAX_APPS_BYTES at the fullest), loopback hosts only,
 * never from a private window (lib/signals/local-pages.ts), cleared with the history.
 */
import { storage } from 'wxt/utils/storage';
import { readApps, type App } from '../servers/apps.ts';
import { Stored } from './stored.ts';

export const appsItem = storage.defineItem<unknown>('local:apps', { fallback: [] });

/** The background's copy, read once and written in batches. */
export function rememberedApps(): Stored<App[]> {
  return new Stored<App[]>(appsItem, [], { name: 'remembered apps', read: readApps, recover: () => [] });
}

/** For the pages: the list as stored, validated. */
export async function readRememberedApps(): Promise<App[]> {
  return readApps(await appsItem.getValue());
}
