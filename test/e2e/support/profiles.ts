/**
 * Browser profiles made once and copied for each session that needs one: a fresh Firefox profile takes about
 * 1.5 s of first-start work that a copy of an already started one does not (measured: launch 3.8 s → 2.2 s), and
 * the deeper checks' grant needs a whole browser start of its own (Chromium applies it from the next start on
 * the same profile). The template is kept in the temp folder under a name made of what it depends on (the
 * browser's binary, the extension's build, the language), so a new browser or a new build makes a new one.
 */
import { cpSync, existsSync, mkdtempSync, realpathSync, renameSync, rmSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** What a template depends on: a file's real path, size and time of change. */
export function fileStamp(path: string): string {
  const real = realpathSync(path);
  const { size, mtimeMs } = statSync(real);
  return `${real}:${size}:${mtimeMs}`;
}

/**
 * A private copy of the template `name` (made by `make` in an empty folder the first time), and how to remove
 * it once its browser is closed.
 */
export async function profileCopy(
  name: string,
  dependsOn: readonly string[],
  make: (dir: string) => Promise<void>,
): Promise<{ dir: string; remove: () => void }> {
  const key = createHash('sha256').update(dependsOn.join('\n')).digest('hex').slice(0, 16);
  const template = join(tmpdir(), `port-doctor-${name}-${key}`);
  if (!existsSync(template)) {
    const stage = mkdtempSync(join(tmpdir(), `port-doctor-${name}-making-`));
    await make(stage);
    // Renamed into place whole: a run cut off while making it leaves no half a template behind.
    try {
      renameSync(stage, template);
    } catch {
      rmSync(stage, { recursive: true, force: true });
    }
  }
  const dir = mkdtempSync(join(tmpdir(), `port-doctor-${name}-copy-`));
  cpSync(template, dir, { recursive: true });
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
