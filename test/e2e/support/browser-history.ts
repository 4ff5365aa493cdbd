/**
 * The browser's own history, read from its profile the way the browser keeps it (SQLite): Chromium's
 * `History` (table `urls`) and Firefox's `places.sqlite` (table `moz_places`), the stores the history API reads
 * (https://source.chromium.org/chromium/chromium/src/+/main:components/history/core/browser/url_database.cc,
 * https://firefox-source-docs.mozilla.org/browser/places/index.html). Copied first, with its journal, so that a
 * browser still holding it is not disturbed.
 */
import { copyFileSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';

export function historyUrls(database: string, table: 'urls' | 'moz_places'): string[] {
  if (!existsSync(database)) throw new Error(`no history database at ${database}`);
  const copy = join(mkdtempSync(join(tmpdir(), 'port-doctor-history-')), 'history.sqlite');
  copyFileSync(database, copy);
  for (const suffix of ['-wal', '-journal'])
    if (existsSync(database + suffix)) copyFileSync(database + suffix, copy + suffix);
  const db = new DatabaseSync(copy, { readOnly: true });
  try {
    return db
      .prepare(`SELECT url FROM ${table}`)
      .all()
      .map((row) => String(row.url));
  } finally {
    db.close();
  }
}
