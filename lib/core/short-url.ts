import { safeUrl } from './url.ts';

/**
 * An address as a developer writes it, for a narrow list (the popup's history): no "http://", no lone trailing
 * slash, the host and port always whole ("http://localhost:600…" would hide the port, the one thing that
 * matters).
 * `where` is host:port (https:// kept: it is part of the failure); `rest` the path, which may be cut. Pure.
 */
export function shortUrl(text: string): { where: string; rest: string } {
  const url = safeUrl(text);
  if (!url) return { where: text, rest: '' };
  const scheme = url.protocol === 'http:' ? '' : `${url.protocol}//`;
  const rest = `${url.pathname === '/' ? '' : url.pathname}${url.search}`;
  return { where: `${scheme}${url.host}`, rest };
}
