import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** The production builds the e2e tests load: `npm run build` makes them. */
export function builtExtension(target: 'chrome-mv3' | 'firefox-mv3'): string {
  const dir = resolve(import.meta.dirname, '../../../.output', target);
  if (!existsSync(resolve(dir, 'manifest.json'))) {
    throw new Error(`No production build in ${dir}: run \`npm run build\` first (npm test does).`);
  }
  return dir;
}
