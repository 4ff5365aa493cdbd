/**
 * Hosts the user counts as local besides the built-in ones (lib/local-host.ts): "devbox.lan", "*.test",
 * "192.168.1.20", "[fd00::2]". A leading "*." matches the domain's subdomains and the domain itself. Pure.
 */

export type HostPatternError = 'empty' | 'not-a-host';

export type HostPatternResult = { ok: true; pattern: string } | { ok: false; error: HostPatternError };

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

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
  return valid ? { ok: true, pattern: text } : { ok: false, error: 'not-a-host' };
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
