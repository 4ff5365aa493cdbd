/**
 * Hosts the user counts as local besides the built-in ones (lib/local-host.ts): "devbox.lan", "*.test",
 * "192.168.1.20", "[fd00::2]". A leading "*." matches the domain's subdomains and the domain itself. Pure.
 */

export type HostPatternError = 'empty' | 'not-a-host' | 'too-broad';

export type HostPatternResult = { ok: true; pattern: string } | { ok: false; error: HostPatternError };

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * The only one-label domains a "*." pattern may cover: names no public registry hands out, so they stay on the
 * user's own machines and network ("*.com" would make every .com site local, and probed on a click).
 * test, localhost, invalid, example: RFC 6761 §6. local: RFC 6762 (mDNS). internal: reserved for private use
 * by ICANN Board resolution 2024.07.29.06. intranet, corp, home, lan, private: RFC 6762 Appendix G lists them
 * as used on private networks; ICANN does not delegate corp and home (resolution 2018.02.04.12). home.arpa
 * (RFC 8375) has two labels and needs no entry.
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

function isHostname(host: string): boolean {
  return host.length <= 253 && host.split('.').every((label) => LABEL.test(label));
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
  const valid = isHostname(host) || (!wildcard && isIpv6Literal(host));
  if (!valid) return { ok: false, error: 'not-a-host' };
  if (wildcard && !host.includes('.') && !PRIVATE_SUFFIXES.has(host))
    return { ok: false, error: 'too-broad' };
  return { ok: true, pattern: text };
}

/** Does a URL's hostname (as `URL.hostname` gives it) match one of the patterns? */
export function matchesHostPatterns(hostname: string, patterns: readonly string[]): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return patterns.some((pattern) => {
    if (!pattern.startsWith('*.')) return host === pattern;
    const domain = pattern.slice(2);
    return host === domain || host.endsWith(`.${domain}`);
  });
}
