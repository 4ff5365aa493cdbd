/**
 * Names that are local because the browser found them at a local address, not because of how they are
 * spelled: devbox.test mapped to 127.0.0.1 in the hosts file, a LAN name served by the router. Firefox answers
 * dns.resolve() for the name that failed (its own cache: the page's lookup just ran); Chrome reports the
 * address in webRequest's `ip` (deeper checks, and only for names Port Doctor has access to). Kept for the
 * browser session (storage.session), bounded, and added to the user's own local hosts wherever detection runs:
 * the background, the popup and the explanation.
 */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { Stored } from '../state/stored.ts';
import { isDnsName } from '../core/dns-name.ts';
import { isUnderPrivateSuffix } from '../core/host-patterns.ts';
import { isLocalHost } from '../core/local-host.ts';

/** Names kept at once; the oldest go first. */
export const MAX_RESOLVED = 50;

/**
 * A name that may be learned: a DNS name (never a pattern: "*" is a valid URL host character but a wildcard in
 * the user's list), under a suffix no public registry hands out (lib/core/host-patterns.ts). The address only
 * confirms it: Chrome's webRequest `ip` is "the server IP address that the request was actually sent to"
 * (developer.chrome.com/docs/extensions/reference/api/webRequest), through a proxy the proxy's own, often on
 * the LAN, so a public name seen there must never turn local
 * (its URLs would be stored whole and a LAN probe offered). Firefox's dns.resolve() answers what the system
 * resolver says, which a LAN resolver can also point anywhere. A trailing dot (a fully qualified name) is fine.
 */
function isLearnable(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/\.$/, '');
  return isDnsName(name) && isUnderPrivateSuffix(name);
}

export const resolvedLocalItem = storage.defineItem<unknown>('session:resolvedLocalHosts', { fallback: [] });

/** Pure: the stored names that are still valid, newest last. */
export function readResolved(stored: unknown): string[] {
  if (!Array.isArray(stored)) return [];
  return stored
    .filter((name): name is string => typeof name === 'string' && isLearnable(name))
    .slice(-MAX_RESOLVED);
}

/**
 * Pure: is `hostname`, found at `addresses`, a local name the user's list does not already cover? Only names
 * under a private suffix are (isLearnable). IP literals and localhost are local by their spelling already.
 */
export function isResolvedLocal(
  hostname: string,
  addresses: readonly string[],
  patterns: readonly string[],
): boolean {
  if (!isLearnable(hostname) || isLocalHost(hostname, patterns)) return false;
  return addresses.some((address) => isLocalHost(address));
}

/** Pure: `names` with `hostname` added last, once, within the bound. */
export function withResolved(names: readonly string[], hostname: string): string[] {
  const host = hostname.toLowerCase();
  return [...names.filter((name) => name !== host), host].slice(-MAX_RESOLVED);
}

export async function resolvedLocalHosts(): Promise<string[]> {
  return readResolved(await resolvedLocalItem.getValue().catch(() => []));
}

/** The worker's copy: read once, then kept in step with what it adds. */
export class ResolvedLocal {
  #names = new Stored<string[]>(resolvedLocalItem, [], { name: 'names found local', read: readResolved });

  list(): Promise<string[]> {
    return this.#names.get();
  }

  add(hostname: string): Promise<void> {
    return this.#names.update((names) => withResolved(names, hostname));
  }
}

/** Firefox's dns API (the `dns` permission, Firefox only); not in the Chrome-based types. */
interface FirefoxDns {
  resolve(hostname: string): Promise<{ addresses: string[] }>;
}

/**
 * The addresses Firefox finds for a name; [] elsewhere. Firefox answers from its DNS cache when a page just looked
 * the name up, and otherwise resolves it again (no `bypass_cache` flag here, none that forbids a lookup either):
 * https://developer.mozilla.org/en-US/docs/Mozilla/Add-ons/WebExtensions/API/dns/resolve
 */
export async function resolveAddresses(hostname: string): Promise<string[]> {
  const dns = (browser as unknown as { dns?: FirefoxDns }).dns;
  if (!dns) return [];
  const answer = await dns.resolve(hostname).catch(() => null);
  return Array.isArray(answer?.addresses)
    ? answer.addresses.filter((address) => typeof address === 'string')
    : [];
}
