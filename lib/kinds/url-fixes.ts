/** Addresses a kind offers to open instead of the failed one. Pure: a URL in, a URL out (or null). */

/** The same address with another scheme (https:// for http://, and the reverse), path and query kept. */
export function withScheme(urlText: string, scheme: 'http:' | 'https:'): string | null {
  try {
    const url = new URL(urlText);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    url.protocol = scheme;
    return url.href;
  } catch {
    return null;
  }
}

/** The same address on localhost, path and query kept. */
export function onLocalhost(urlText: string): string | null {
  try {
    const url = new URL(urlText);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    url.hostname = 'localhost';
    return url.href;
  } catch {
    return null;
  }
}
