/**
 * Who may ask the background what: the content script runs inside web pages, so not every part of the
 * extension may call every handler. Pure: the background passes in the sender as the
 * browser reported it and its own base URL.
 * - an extension page: any page of this extension (the options page asks for the status);
 * - the explanation page: only it may navigate its own tab (Retry, "open on port N");
 * - the card: the content script in the top frame of an http(s) page. It runs inside a page that may be
 *   hostile, so it may only ask about its own tab, and only in the shapes below.
 */
import { isRecord } from '../core/guards.ts';
import { MAX_URL_LENGTH } from '../core/bounded.ts';
import { isWebUrl, safeUrl } from '../core/url.ts';

export type Caller = 'extension-page' | 'explanation-page' | 'card';

/** The parts of runtime.MessageSender that the rules read. */
export interface RawSender {
  id?: string;
  url?: string;
  frameId?: number;
  tab?: { id?: number };
}

/** What a sender may do: every role it holds. */
export function callerRoles(sender: RawSender, extensionId: string, extensionBase: string): Set<Caller> {
  const roles = new Set<Caller>();
  if (sender.id !== extensionId || !sender.url) return roles;
  const url = safeUrl(sender.url);
  const base = safeUrl(extensionBase);
  if (!url || !base) return roles;
  // protocol and host: an extension URL has no tuple origin in every engine (Node says "null").
  if (url.protocol === base.protocol && url.host === base.host) {
    roles.add('extension-page');
    if (url.pathname === '/explain.html' && sender.tab?.id !== undefined) roles.add('explanation-page');
  } else if (isWebUrl(sender.url) && sender.tab?.id !== undefined && sender.frameId === 0) {
    roles.add('card');
  }
  return roles;
}

/** A request with no payload: null (or nothing) only. */
export function noPayload(value: unknown): null | undefined {
  return value === null || value === undefined ? null : undefined;
}

/** `{ [key]: string }` with nothing else, the string at most `max` characters; undefined otherwise. */
export function onlyString<K extends string>(key: K, max: number) {
  return (value: unknown): Record<K, string> | undefined => {
    if (!isRecord(value) || Object.keys(value).length !== 1) return undefined;
    const text = value[key];
    return typeof text === 'string' && text.length > 0 && text.length <= max
      ? ({ [key]: text } as Record<K, string>)
      : undefined;
  };
}

/** `{ tabId: <integer ≥ 0> }` with nothing else; undefined otherwise. */
export function onlyTabId(value: unknown): { tabId: number } | undefined {
  if (!isRecord(value) || Object.keys(value).length !== 1) return undefined;
  const { tabId } = value;
  return typeof tabId === 'number' && Number.isInteger(tabId) && tabId >= 0 ? { tabId } : undefined;
}

/** The most servers one message may report: a scan's ports on both addresses (lib/servers/dev-ports.ts). */
export const MAX_FOUND = 400;
const MAX_TOOL_ID = 40;

/**
 * `{ found: [{ port, tool, title }] }`, what a page's scan found (lib/servers/apps.ts Found): ports in range,
 * short strings or null, at most MAX_FOUND, nothing else; undefined otherwise.
 */
export function onlyFound(
  value: unknown,
): { found: { port: number; tool: string | null; title: string | null }[] } | undefined {
  if (!isRecord(value) || Object.keys(value).length !== 1 || !Array.isArray(value.found)) return undefined;
  if (value.found.length > MAX_FOUND) return undefined;
  const found: { port: number; tool: string | null; title: string | null }[] = [];
  const short = (text: unknown, max: number) =>
    text === null || (typeof text === 'string' && text.length <= max);
  for (const item of value.found as unknown[]) {
    if (!isRecord(item) || Object.keys(item).length !== 3) return undefined;
    const { port, tool, title } = item;
    if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535) return undefined;
    if (!short(tool, MAX_TOOL_ID) || !short(title, MAX_MESSAGE_URL)) return undefined;
    found.push({ port, tool: tool as string | null, title: title as string | null });
  }
  return { found };
}

/** A URL as the extension's pages send it: within the length the background ever stores, and a bit. */
export const MAX_MESSAGE_URL = MAX_URL_LENGTH * 2;

/**
 * Allows `limit` calls per key within `windowMs`. The card's "Why?" opens at most one explanation tab per
 * click; a page that could press it would otherwise open tabs past the pop-up blocker (review L1).
 */
export class RateLimit {
  #last = new Map<string | number, number>();
  readonly #windowMs: number;

  constructor(windowMs: number) {
    this.#windowMs = windowMs;
  }

  allow(key: string | number, now: number): boolean {
    const last = this.#last.get(key);
    if (last !== undefined && now - last < this.#windowMs) return false;
    this.#last.set(key, now);
    if (this.#last.size > 1000) this.#last.delete(this.#last.keys().next().value ?? '');
    return true;
  }
}
