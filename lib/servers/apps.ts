/**
 * The apps Port Doctor remembers on this machine's loopback ports, learned without a request of its own: the
 * title of a local page that loaded in a tab at its root, and the tool and root title a scan found (scan.ts).
 * Keyed by port: localhost, *.localhost, 127.0.0.1 and [::1] on one port are one server as far as a developer
 * is concerned (the IPv4/IPv6 split is the scan's to show). Pure: the background keeps the list
 * (lib/state/apps.ts).
 *
 * A page's title and a scan's title are not compared for "another app": an app's router may retitle its page
 * after load ("Home · Shop") while its HTML says "Shop". Only like with like: two page titles, two scan titles,
 * or two tools.
 */
import { isRecord } from '../core/guards.ts';
import { isLoopbackHost } from '../core/local-host.ts';
import { effectivePort, safeUrl } from '../core/url.ts';
import { TITLE_LENGTH, TOOL_IDS } from './tool-ids.ts';

export interface PageSeen {
  title: string;
  at: number;
}

export interface ScanSeen {
  tool: string | null;
  title: string | null;
  at: number;
}

/** What the port served before another app took it: for "localhost:3000 showed shop (Vite) before". */
export interface Before {
  tool: string | null;
  title: string | null;
  /** When it was last seen. */
  at: number;
}

export interface App {
  port: number;
  /** The host it was last opened on (localhost, shop.localhost, 127.0.0.1, [::1]), as shown. */
  host: string;
  page: PageSeen | null;
  scan: ScanSeen | null;
  before: Before | null;
}

export const MAX_APPS = 40;
/** How long a page seen again is not worth a write (its time is only for "this week"). */
export const SEEN_AGAIN_MS = 3_600_000;
/** What the fullest list takes (every field at its longest: a unit test checks it). */
export const MAX_APPS_BYTES = 32 * 1024;
const HOST_LENGTH = 253;

/** The port and host of a loopback http(s) URL, or null for any other. */
export function loopbackPlace(text: string): { port: number; host: string } | null {
  const url = safeUrl(text);
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) return null;
  if (!isLoopbackHost(url.hostname) || url.hostname.length > HOST_LENGTH) return null;
  const port = effectivePort(url);
  return port === null ? null : { port, host: url.hostname };
}

const clip = (title: string | null) => (title === null ? null : title.slice(0, TITLE_LENGTH));

const isTool = (value: unknown): value is string => typeof value === 'string' && TOOL_IDS.includes(value);

const isTime = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0;

const titleOrNull = (value: unknown): string | null | undefined =>
  value === null ? null : typeof value === 'string' ? clip(value) : undefined;

function readApp(raw: unknown): App | null {
  if (!isRecord(raw)) return null;
  const { port, host, page, scan, before } = raw;
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535) return null;
  if (typeof host !== 'string' || host.length > HOST_LENGTH || !isLoopbackHost(host)) return null;
  const app: App = { port, host, page: null, scan: null, before: null };
  if (isRecord(page) && typeof page.title === 'string' && isTime(page.at))
    app.page = { title: clip(page.title) ?? '', at: page.at };
  if (isRecord(scan) && isTime(scan.at)) {
    const title = titleOrNull(scan.title);
    const tool = scan.tool === null || isTool(scan.tool) ? scan.tool : undefined;
    if (title !== undefined && tool !== undefined) app.scan = { tool, title, at: scan.at };
  }
  if (isRecord(before) && isTime(before.at)) {
    const title = titleOrNull(before.title);
    const tool = before.tool === null || isTool(before.tool) ? before.tool : undefined;
    if (title !== undefined && tool !== undefined && (title !== null || tool !== null))
      app.before = { tool, title, at: before.at };
  }
  return app.page || app.scan ? app : null;
}

/** The stored list, validated (anything else is dropped), one per port, at most MAX_APPS. */
export function readApps(raw: unknown): App[] {
  if (!Array.isArray(raw)) return [];
  const apps: App[] = [];
  for (const item of raw) {
    const app = readApp(item);
    if (app && !apps.some((other) => other.port === app.port)) apps.push(app);
    if (apps.length === MAX_APPS) break;
  }
  return apps;
}

/** What the app on this port was, for `before`: the scan's word first, else the page's title. */
function summary(app: App): Before | null {
  const tool = app.scan?.tool ?? null;
  const title = app.scan?.title ?? app.page?.title ?? null;
  if (tool === null && title === null) return null;
  return { tool, title, at: Math.max(app.scan?.at ?? 0, app.page?.at ?? 0) };
}

function put(apps: readonly App[], app: App): App[] {
  return [app, ...apps.filter((other) => other.port !== app.port)].slice(0, MAX_APPS);
}

/**
 * A local page loaded in a tab (not a private one: the caller checks). Its title names the app only at the
 * root path: other routes retitle the page. Returns false when nothing changes.
 */
export function learnPage(apps: readonly App[], url: string, title: string, at: number): App[] | false {
  const place = loopbackPlace(url);
  const path = safeUrl(url)?.pathname;
  const named = clip(title.trim()) ?? '';
  if (!place || path !== '/' || named === '') return false;
  const known = apps.find((app) => app.port === place.port);
  if (!known) return put(apps, { ...place, page: { title: named, at }, scan: null, before: null });
  if (known.page && known.page.title !== named)
    return put(apps, { ...place, page: { title: named, at }, scan: null, before: summary(known) });
  // A dev server reloads its page at every save: the same app seen again within the hour is not written again.
  if (known.page && known.host === place.host && at - known.page.at < SEEN_AGAIN_MS) return false;
  return put(apps, { ...known, host: place.host, page: { title: named, at } });
}

/**
 * A tab with no <title> shows its address instead (Chrome: host, port and path; Firefox: the whole URL): that is
 * no app's name.
 */
export function pageTitle(title: string | undefined, url: string): string | null {
  const shown = title?.trim() ?? '';
  if (shown === '') return null;
  const bare = url.replace(/^https?:\/\//, '');
  return shown === url || shown === bare || `${shown}/` === bare ? null : shown;
}

/** What a scan found on a port (lib/servers/scan.ts), named or not. */
export interface Found {
  port: number;
  tool: string | null;
  title: string | null;
}

/** Another app than the last scan saw: another tool, or another title. */
function differs(seen: ScanSeen, found: Found): boolean {
  if (seen.tool !== null && found.tool !== null && seen.tool !== found.tool) return true;
  return seen.title !== null && found.title !== null && seen.title !== clip(found.title);
}

/** Remembers what a scan found on ports already remembered (a scan does not make every server an app). */
export function learnScan(apps: readonly App[], found: readonly Found[], at: number): App[] | false {
  let next: App[] | false = false;
  for (const item of found) {
    const list = next || apps;
    const known = list.find((app) => app.port === item.port);
    if (!known || (item.tool === null && item.title === null)) continue;
    const scan: ScanSeen = { tool: item.tool, title: clip(item.title), at };
    next = put(
      list,
      known.scan && differs(known.scan, item)
        ? { ...known, page: null, scan, before: summary(known) }
        : { ...known, scan },
    );
  }
  return next;
}

/** The remembered app on `port`, if any. */
export function appOn(apps: readonly App[], port: number): App | undefined {
  return apps.find((app) => app.port === port);
}

/** The name shown for an app: its scan's or page's title, or null. */
export function appTitle(app: App): string | null {
  return app.scan?.title ?? app.page?.title ?? null;
}

/**
 * Where the app once on `port` answers now, from a scan of the ports around it: a server on another port with
 * the same title (its page's or its scan's) and no other tool, else, when nothing but the tool was ever known,
 * the nearest port with that tool. Null when nothing found is that app: never a guess from the port alone.
 */
export function movedTo(app: App, found: readonly Found[]): Found | null {
  const title = appTitle(app);
  const tool = app.scan?.tool ?? null;
  const others = found
    .filter((item) => item.port !== app.port)
    .sort((a, b) => Math.abs(a.port - app.port) - Math.abs(b.port - app.port));
  if (title !== null)
    return (
      others.find(
        (item) => item.title !== null && clip(item.title) === title && (tool === null || item.tool === tool),
      ) ?? null
    );
  return tool === null ? null : (others.find((item) => item.tool === tool) ?? null);
}
