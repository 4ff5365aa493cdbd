/** URL helpers shared by detection and the views. Pure: no browser API. */

const DEFAULT_PORTS: Record<string, number> = { 'http:': 80, 'https:': 443, 'ws:': 80, 'wss:': 443 };

/** Parses an absolute URL without throwing. */
export function safeUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}

/**
 * The same http(s) address with one part changed (port, scheme, host), path and query kept; null for anything
 * that is not an http(s) URL.
 */
export function rewriteWebUrl(text: string, change: (url: URL) => void): string | null {
  const url = safeUrl(text);
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) return null;
  change(url);
  return url.href;
}

/** The port a URL connects to (its explicit port, else its scheme's default), or null for other schemes. */
export function effectivePort(url: URL): number | null {
  const fallback = DEFAULT_PORTS[url.protocol];
  if (fallback === undefined) return null;
  return url.port === '' ? fallback : Number(url.port);
}

/** True for http(s) URLs: the only ones the extension ever opens. */
export function isWebUrl(text: string): boolean {
  const url = safeUrl(text);
  return url !== null && (url.protocol === 'http:' || url.protocol === 'https:');
}

/** The port a URL string connects to, or null when it is no URL or has no port (see effectivePort). */
export function portOf(text: string): number | null {
  const url = safeUrl(text);
  return url ? effectivePort(url) : null;
}
