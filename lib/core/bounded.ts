/**
 * Sizes and shapes for what Port Doctor keeps or shows outside the tab that failed. Any website can make the
 * browser report failures (a blocked port is refused before DNS, and webNavigation needs no host permission),
 * so nothing a page controls is stored at the length the page chose; and a URL's query and fragment carry
 * secrets for every host, local ones included (an OAuth loopback callback `http://127.0.0.1:53682/?code=…`
 * refused after its CLI exited, RFC 8252 §7.3), so they never leave the tab. Pure.
 */
import { safeUrl } from './url.ts';

/** Longest URL kept or shown; the browser's own limit is 2 MB. */
export const MAX_URL_LENGTH = 2048;

const encoder = new TextEncoder();

/** Bytes a value takes as storage counts them: its JSON in UTF-8. */
export function byteLength(value: unknown): number {
  return encoder.encode(JSON.stringify(value) ?? '').length;
}

/**
 * The URL as Port Doctor keeps and shows it (history, notification, the explanation's own address): never its
 * query or fragment, up to MAX_URL_LENGTH (then its origin). For another site's frame only its origin, so that
 * a page framing a thousand URLs on one port stores one entry, counted.
 */
export function boundUrl(text: string, local: boolean, resource: string): string {
  const url = safeUrl(text);
  if (!url) return text.slice(0, MAX_URL_LENGTH);
  const origin = originOf(text);
  if (!local && resource === 'sub_frame') return `${origin}/`;
  const path = `${origin}${url.pathname}`;
  return path.length <= MAX_URL_LENGTH ? path : `${origin}/`;
}

/**
 * The whole URL, query included, for the one place that needs it: Retry in the tab that failed, kept in that
 * tab's session state only (lib/state/tab-state.ts). Bounded like the rest.
 */
export function boundWholeUrl(text: string): string {
  const url = safeUrl(text);
  if (!url) return text.slice(0, MAX_URL_LENGTH);
  return url.href.length <= MAX_URL_LENGTH ? url.href : boundUrl(text, true, 'main_frame');
}

/** What a page may be shown of a URL it did not load itself: where it points, not what it carries. */
export function originOf(text: string): string {
  const url = safeUrl(text);
  if (!url) return '';
  return url.origin === 'null' ? `${url.protocol}//${url.host}` : url.origin;
}

/** A URL without its query and fragment. */
export function withoutQuery(text: string): string {
  const url = safeUrl(text);
  return url ? `${originOf(text)}${url.pathname}` : text;
}
