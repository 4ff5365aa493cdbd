/**
 * Hosts the user counts as local besides the built-in ones (lib/core/local-host.ts): "devbox.lan", "*.test",
 * "192.168.1.20", "[fd00::2]". A leading "*." matches the domain's subdomains and the domain itself. Pure.
 * How a pattern matches is in lib/core/local-host.ts (matchesHostPatterns): the explanation's first screen needs
 * it, not the rules a pattern typed in the options must follow.
 */
import { isDnsName } from './dns-name.ts';

export type HostPatternError = 'empty' | 'not-a-host' | 'too-broad';

export type HostPatternResult = { ok: true; pattern: string } | { ok: false; error: HostPatternError };

/**
 * Suffixes no public registry hands out names under, so the names stay on the user's own machines and network
 * ("*.com" would make every .com site local, and probed on a click).
 * test, localhost, invalid, example: RFC 6761 §6. local: RFC 6762 (mDNS). internal: reserved for private use
 * by ICANN Board resolution 2024.07.29.06. intranet, corp, home, lan, private: RFC 6762 Appendix G lists them
 * as used on private networks; ICANN does not delegate corp and home (resolution 2018.02.04.12). home.arpa
 * (RFC 8375) has two labels: isUnderPrivateSuffix checks it apart.
 */
const PRIVATE_SUFFIXES = new Set([
  'test',
  'localhost',
  'invalid',
  'example',
  'local',
  'internal',
  'intranet',
  'corp',
  'home',
  'lan',
  'private',
]);

/**
 * Is the name under a suffix no public registry hands out (or that suffix itself)? Then it can only be the
 * user's own: "devbox.test", "nas.home.arpa" (RFC 8375), "printer.lan". Lower-case, no trailing dot.
 */
export function isUnderPrivateSuffix(name: string): boolean {
  return PRIVATE_SUFFIXES.has(name.slice(name.lastIndexOf('.') + 1)) || /(?:^|\.)home\.arpa$/.test(name);
}

/**
 * Is "*.<domain>" narrow enough: sure to cover one owner's names, never other people's sites? Under a private
 * suffix, always. Elsewhere the domain must not be a public suffix, and only the Public Suffix List
 * (publicsuffix.org) says which are: thousands with two labels, from registries (co.uk, com.au, or.kr) and from
 * hosting platforms (github.io, vercel.app, netlify.app, pages.dev). Its some 10,000 rules, over 200 KB as
 * text, would not fit the background's whole budget of 48 KB (scripts/check-sizes.ts), and no dependency here
 * carries a copy. So a domain of two labels is refused whatever it is ("*.example.com" with
 * "*.github.io"), and three labels are required ("*.dev.example.com"): a two-label public suffix then always
 * has a registrant's name below it. Left open: the list's rare deeper suffixes (s3.amazonaws.com,
 * pvt.k12.ma.us); an imported list is shown for confirmation before it applies (options-state.svelte.ts).
 */
function isNarrowDomain(domain: string): boolean {
  return isUnderPrivateSuffix(domain) || domain.split('.').length >= 3;
}

function isIpv6Literal(host: string): boolean {
  if (!/^\[[0-9a-f:.]+\]$/.test(host)) return false;
  try {
    return new URL(`http://${host}/`).hostname === host;
  } catch {
    return false;
  }
}

/** Parses one pattern typed by the user; the result is lower-case and without a trailing dot. */
export function parseHostPattern(input: string): HostPatternResult {
  const text = input.trim().toLowerCase().replace(/\.$/, '');
  if (text === '') return { ok: false, error: 'empty' };
  const wildcard = text.startsWith('*.');
  const host = wildcard ? text.slice(2) : text;
  const valid = isDnsName(host) || (!wildcard && isIpv6Literal(host));
  if (!valid) return { ok: false, error: 'not-a-host' };
  // No top-level domain is all digits (a URL host ending in a number is read as IPv4, WHATWG URL "ends in a
  // number"): "*.0.0.1" would match IPv4 addresses by their last bytes, 8.0.0.1 as well as 10.0.0.1.
  if (wildcard && /(?:^|\.)\d+$/.test(host)) return { ok: false, error: 'not-a-host' };
  if (wildcard && !isNarrowDomain(host)) return { ok: false, error: 'too-broad' };
  return { ok: true, pattern: text };
}
