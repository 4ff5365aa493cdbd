/** Addresses a kind offers to open instead of the failed one. Pure: a URL in, a URL out (or null). */
import { rewriteWebUrl } from '../core/url.ts';

/** The same address with another scheme (https:// for http://, and the reverse), path and query kept. */
export function withScheme(urlText: string, scheme: 'http:' | 'https:'): string | null {
  return rewriteWebUrl(urlText, (url) => (url.protocol = scheme));
}

/** The same address on localhost, path and query kept. */
export function onLocalhost(urlText: string): string | null {
  return rewriteWebUrl(urlText, (url) => (url.hostname = 'localhost'));
}

/** The same path on http://localhost, for a name the browser will only open with https:// (forced-https). */
export function onLocalhostHttp(urlText: string): string | null {
  return rewriteWebUrl(urlText, (url) => {
    url.protocol = 'http:';
    url.hostname = 'localhost';
  });
}
