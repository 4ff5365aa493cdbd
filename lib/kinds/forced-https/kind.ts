/**
 * http:// typed, https:// opened: the name is under a top-level domain that browsers open only with https://
 * (.dev, .app...), so a dev server that speaks plain HTTP gets a TLS handshake. Nothing on the user's side
 * clears it. Detected from the address alone, so the explanation page can tell it from its own URL too.
 */
import type { FailureKind } from '../types.ts';
import { tlsToHttp } from '../tls-to-http/kind.ts';

/**
 * The whole top-level domains on the HSTS preload list (Chromium net/http/transport_security_state_static.json,
 * "gTLDs and eTLDs are welcome to preload": `{ "name": "dev", "policy": "public-suffix", "mode": "force-https",
 * "include_subdomains": true }`; Firefox builds its list from it). Not taken on trust: the e2e test opens
 * http://x.<tld> for each in Chromium 156 and Firefox 153 ESR and both answer with https:// (test/e2e/*\/kinds).
 */
// prettier-ignore
export const HSTS_PRELOADED_TLDS: ReadonlySet<string> = new Set([
  'android', 'app', 'bank', 'boo', 'chrome', 'dad', 'day', 'dev', 'eat', 'esq', 'fly', 'foo', 'gle', 'gmail',
  'google', 'hangout', 'ing', 'insurance', 'meet', 'meme', 'mov', 'new', 'nexus', 'page', 'phd', 'play',
  'prof', 'rsvp', 'search', 'youtube', 'zip',
]);

/** The preloaded top-level domain of a host name ("dev" for "myapp.dev"), or null. */
export function preloadedTld(hostname: string): string | null {
  const tld = hostname.replace(/\.$/, '').split('.').pop()?.toLowerCase() ?? '';
  return hostname.includes('.') && HSTS_PRELOADED_TLDS.has(tld) ? tld : null;
}

export const forcedHttps: FailureKind<'forced-https'> = {
  id: 'forced-https',
  // Before tls-to-http: the same error, on a name the browser opens only with https://.
  precedence: 70,
  group: 'local',
  // The plain-HTTP answer to a TLS hello, as tls-to-http hears it.
  codes: tlsToHttp.codes,
  detect: ({ url }) => url.protocol === 'https:' && preloadedTld(url.hostname) !== null,
  headline: () => ({ key: 'kind.forcedHttps.headline' }),
};
