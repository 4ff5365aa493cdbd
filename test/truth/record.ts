/**
 * The truth checks ask the real browsers what this code only states: which ports each refuses (the sweep of
 * 0..65535) and which top-level domains each opens only with https:// (the HSTS preload list). They test the
 * browsers, not Port Doctor, and take minutes, so their last results are kept here with the browser versions
 * they ran on (recorded.json): `npm test` runs them again only when an installed browser's version differs from
 * the recorded one, or the recorded results no longer match the lists (lib/ports/blocked.ts,
 * lib/kinds/forced-https/kind.ts); a unit test checks the recorded results against the lists at every run.
 * Whoever runs them commits the rewritten recorded.json.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { HSTS_PRELOADED_TLDS } from '../../lib/kinds/forced-https/kind.ts';
import { blockedList } from '../../lib/ports/blocked.ts';
import { chromiumPath, firefoxPath } from '../e2e/support/browsers.ts';

export type Engine = 'chromium' | 'firefox';
export const ENGINES: readonly Engine[] = ['chromium', 'firefox'];

export interface EngineTruth {
  /** The browser's own `--version` line. */
  browser: string;
  /** Every port it refused, ascending. */
  blocked: number[];
  /** The top-level domains it opened only with https://, in the list's order. */
  hsts: string[];
}

export type Truth = Record<Engine, EngineTruth>;

const FILE = fileURLToPath(new URL('./recorded.json', import.meta.url));

export function readTruth(): Truth {
  return JSON.parse(readFileSync(FILE, 'utf8')) as Truth;
}

/** Records what a truth check found on the installed browser. */
export function recordTruth(engine: Engine, found: Partial<Omit<EngineTruth, 'browser'>>): void {
  const truth = readTruth();
  truth[engine] = { ...truth[engine], ...found, browser: installedBrowser(engine) };
  writeFileSync(FILE, `${JSON.stringify(truth, null, 2)}\n`);
}

export function installedBrowser(engine: Engine): string {
  const path = engine === 'chromium' ? chromiumPath() : firefoxPath();
  return execFileSync(path, ['--version'], { encoding: 'utf8' }).trim();
}

/** What the lists say each engine does: what the recorded results must be. */
export function listed(engine: Engine): Omit<EngineTruth, 'browser'> {
  return { blocked: blockedList(engine), hsts: [...HSTS_PRELOADED_TLDS] };
}

/** Why the truth checks must run again, or null when the recorded results stand for the installed browsers. */
export function whyRunTruth(): string | null {
  const truth = readTruth();
  for (const engine of ENGINES) {
    const installed = installedBrowser(engine);
    if (truth[engine].browser !== installed)
      return `${installed} is installed; the recorded results are from ${truth[engine].browser}`;
    const { blocked, hsts } = listed(engine);
    if (JSON.stringify(truth[engine].blocked) !== JSON.stringify(blocked))
      return `lib/ports/blocked.ts no longer matches what ${engine} was recorded to block`;
    if (JSON.stringify(truth[engine].hsts) !== JSON.stringify(hsts))
      return `the HSTS list no longer matches what ${engine} was recorded to upgrade`;
  }
  return null;
}
