/**
 * The "Running here" rows from a scan's answers: one row per port when both loopback addresses answer the same,
 * a row per address when only one answers (a server bound to ::1 alone is the classic cause of "works in one
 * browser, not the other") or when they answer with different apps.
 */
import { appOn, loopbackPlace, type App, type Found } from './apps.ts';
import { usualTools } from './dev-ports.ts';
import { toolName, type ToolId } from './fingerprints.ts';
import { LOOPBACK, type Answer, type Loopback } from './scan.ts';

export interface RunningRow {
  port: number;
  /** The addresses that gave this answer; both, or the one that did. */
  addresses: Loopback[];
  /** Set when the other address answers too, with another app. */
  differs: boolean;
  tool: ToolId | null;
  /** The tool's name, as shown (a proper noun), or null. */
  toolName: string | null;
  title: string | null;
  /** When nothing in the answer names a tool: the tools whose default this port is ("usually Vite's port"). */
  usually: string[];
  /** What to open: localhost when both answer alike, else the address that answers. */
  url: string;
}

const same = (a: Answer, b: Answer) => a.tool === b.tool && a.title === b.title && a.status === b.status;

export function runningRows(answers: readonly Answer[]): RunningRow[] {
  const byPort = new Map<number, Answer[]>();
  for (const answer of answers) byPort.set(answer.port, [...(byPort.get(answer.port) ?? []), answer]);
  const rows: RunningRow[] = [];
  for (const [port, found] of [...byPort].sort(([a], [b]) => a - b)) {
    const row = (answer: Answer, addresses: Loopback[], differs: boolean): RunningRow => ({
      port,
      addresses,
      differs,
      tool: answer.tool,
      toolName: toolName(answer.tool),
      title: answer.title,
      usually: answer.tool === null ? usualTools(port) : [],
      url: addresses.length === 2 ? `http://localhost:${port}/` : `http://${addresses[0]}:${port}/`,
    });
    const [first, second] = found.sort((a, b) => LOOPBACK.indexOf(a.address) - LOOPBACK.indexOf(b.address));
    if (!first) continue;
    if (!second) rows.push(row(first, [first.address], false));
    else if (same(first, second)) rows.push(row(first, [first.address, second.address], false));
    else rows.push(row(first, [first.address], true), row(second, [second.address], true));
  }
  return rows;
}

/** How long "another app was here" is worth saying: after a week it is history, not news. */
export const BEFORE_NEWS_MS = 7 * 86_400_000;

export interface Named {
  toolName: string | null;
  title: string | null;
}

/** What the popup says of the tab it was opened on, when that tab shows a page on a loopback port. */
export interface TabApp {
  /** As the user opened it: localhost:3000. */
  place: string;
  now: Named;
  /** Another app this port served in the last week, and when it was last seen. */
  before: (Named & { at: number }) | null;
}

/**
 * The tab's app: named by the scan's answer on its port (the tool, its HTML's title), else by the title its page
 * showed; and what the port served before, when that was another app (lib/servers/apps.ts decides). Null for a
 * tab that is not on a loopback port, or one nothing is known of.
 */
export function tabApp(
  tabUrl: string | null,
  rows: readonly RunningRow[],
  apps: readonly App[],
  now: number,
): TabApp | null {
  const place = tabUrl === null ? null : loopbackPlace(tabUrl);
  if (!place) return null;
  const row =
    rows.find((item) => item.port === place.port && !item.differs) ??
    rows.find((item) => item.port === place.port);
  const app = appOn(apps, place.port);
  const named: Named = { toolName: row?.toolName ?? null, title: row?.title ?? app?.page?.title ?? null };
  if (named.toolName === null && named.title === null) return null;
  const before =
    app?.before && now - app.before.at < BEFORE_NEWS_MS
      ? { toolName: toolName(app.before.tool), title: app.before.title, at: app.before.at }
      : null;
  return { place: `${place.host}:${place.port}`, now: named, before };
}

/** One found server per port for the apps list (lib/servers/apps.ts): the IPv4 answer first, as localhost is. */
export function foundOf(answers: readonly Answer[]): Found[] {
  const found = new Map<number, Found>();
  for (const answer of [...answers].sort((a, b) => LOOPBACK.indexOf(a.address) - LOOPBACK.indexOf(b.address)))
    if (!found.has(answer.port))
      found.set(answer.port, { port: answer.port, tool: answer.tool, title: answer.title });
  return [...found.values()];
}
