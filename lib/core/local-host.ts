/**
 * Hosts that are the developer's own machine or local network: the only places where "connection refused"
 * or "not an HTTP server" is worth explaining, because the developer runs the server there.
 */

function ipv4(host: string): number[] | null {
  const parts = host.split('.');
  if (parts.length !== 4 || !parts.every((part) => /^\d{1,3}$/.test(part))) return null;
  const bytes = parts.map(Number);
  return bytes.every((byte) => byte <= 255) ? bytes : null;
}

/** Lower-case, without IPv6 brackets or a trailing dot. */
function bare(hostname: string): string {
  return hostname
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '');
}

/**
 * True for this machine only: localhost, *.localhost (RFC 6761 §6.3), 127.0.0.0/8 and ::1. Not 0.0.0.0 or
 * ::, which name no host (some systems route them here, others do not), nor a name mapped to 127.0.0.1.
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = bare(hostname);
  if (host === 'localhost' || host.endsWith('.localhost') || host === '::1') return true;
  return ipv4(host)?.[0] === 127;
}

/**
 * True for localhost, *.localhost, 127.0.0.0/8, ::1, 0.0.0.0, the private LAN ranges, and the user's own
 * patterns (settings: "*.test", "devbox.lan").
 */
export function isLocalHost(hostname: string, patterns: readonly string[] = []): boolean {
  if (patterns.length > 0 && matchesHostPatterns(hostname, patterns)) return true;
  if (isLoopbackHost(hostname)) return true;
  const host = bare(hostname);
  if (host === '0.0.0.0' || host === '::') return true;
  // IPv6 unique local (fc00::/7) and link-local (fe80::/10) addresses.
  if (/^f[cd][0-9a-f]{2}:/.test(host) || /^fe[89ab][0-9a-f]:/.test(host)) return true;
  const v4 = ipv4(host);
  if (!v4) return false;
  const [a = 0, b = 0] = v4;
  return (
    a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254)
  );
}

/** Does a URL's hostname (as `URL.hostname` gives it) match one of the patterns (lib/core/host-patterns.ts)? */
export function matchesHostPatterns(hostname: string, patterns: readonly string[]): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return patterns.some((pattern) => {
    if (!pattern.startsWith('*.')) return host === pattern;
    const domain = pattern.slice(2);
    return host === domain || host.endsWith(`.${domain}`);
  });
}
