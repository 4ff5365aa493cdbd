/**
 * Sizes for what Port Doctor keeps. Any website can make the browser report failures (a blocked port is
 * refused before DNS, and webNavigation needs no host permission), so nothing a page controls is stored at
 * the length the page chose: ../shared/reference/hardening-review.md M1. Pure.
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
 * The URL as Port Doctor keeps it.
 * - A local host is the user's own server: the whole URL, up to MAX_URL_LENGTH (then without its query).
 * - Elsewhere the page is somebody else's: no query or fragment (they carry tokens), and for a frame only
 *   its origin, so that a page framing a thousand URLs on one port stores one entry, counted.
 */
export function boundUrl(text: string, local: boolean, resource: string): string {
  const url = safeUrl(text);
  if (!url) return text.slice(0, MAX_URL_LENGTH);
  const origin = url.origin === 'null' ? `${url.protocol}//${url.host}` : url.origin;
  if (!local && resource === 'sub_frame') return `${origin}/`;
  const whole = local ? url.href : `${origin}${url.pathname}`;
  if (whole.length <= MAX_URL_LENGTH) return whole;
  const path = `${origin}${url.pathname}`;
  return path.length <= MAX_URL_LENGTH ? path : `${origin}/`;
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
