import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../../..');

/** The production builds the e2e tests load: `npm run build` makes them. */
export function builtExtension(target: 'chrome-mv3' | 'firefox-mv3'): string {
  const dir = resolve(root, '.output', target);
  if (!existsSync(resolve(dir, 'manifest.json'))) {
    throw new Error(`No production build in ${dir}: run \`npm run build\` first (npm test does).`);
  }
  return dir;
}

export type Package = 'chrome' | 'firefox' | 'sources';

/**
 * A package made by `npm run zip`, unpacked into a fresh folder as a store reviewer would; the folder and the
 * zip's own file list are returned. Fails when the zip is missing or older than the build it should package.
 */
export function unpackedPackage(which: Package): { dir: string; files: string[] } {
  const { version } = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { version: string };
  const zip = resolve(root, '.output', `port-doctor-${version}-${which}.zip`);
  if (!existsSync(zip)) throw new Error(`No package ${zip}: run \`npm run zip\` first (npm test does).`);
  const build = resolve(root, '.output', which === 'firefox' ? 'firefox-mv3' : 'chrome-mv3', 'manifest.json');
  if (which !== 'sources' && existsSync(build) && statSync(zip).mtimeMs < statSync(build).mtimeMs - 60_000)
    throw new Error(`${zip} is older than the build: run \`npm run zip\` again.`);
  const dir = mkdtempSync(join(tmpdir(), `port-doctor-${which}-`));
  const unzip = spawnSync('unzip', ['-q', zip, '-d', dir], { encoding: 'utf8' });
  if (unzip.error || unzip.status !== 0)
    throw new Error(
      `unzip failed (${unzip.error?.message ?? unzip.stderr}): run scripts/install-browsers.sh`,
    );
  const list = spawnSync('unzip', ['-Z1', zip], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean);
  return { dir, files: list };
}
