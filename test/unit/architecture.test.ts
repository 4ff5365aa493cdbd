/**
 * The house's fitness tests (ARCHITECTURE.md): every module of lib/ lives in a role folder; the pure folders reach
 * no browser API, no storage and none of the folders that do (a type may be named); background code imports no
 * Svelte; the background's entrypoint only wires. ESLint says the same while one edits (eslint.config.js); this
 * fails in the test run whatever the editor.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const PURE = ['core', 'ports', 'commands', 'kinds', 'servers', 'view'];
const IMPURE = ['signals', 'state', 'background', 'protocol'];

function filesUnder(folder: string): string[] {
  return readdirSync(join(ROOT, folder)).flatMap((name) => {
    const path = join(folder, name);
    // Generated data, and the unit tables that live beside their kind (a test may reach anything).
    if (name === 'generated' || name.endsWith('.test.ts')) return [];
    return statSync(join(ROOT, path)).isDirectory() ? filesUnder(path) : [path];
  });
}

/** The module specifiers a file imports at run time (type-only imports left out). */
function runtimeImports(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const found: string[] = [];
  for (const match of text.matchAll(/^\s*import\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]/gm))
    if (!match[1]) found.push(match[2]!);
  for (const match of text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)) found.push(match[1]!);
  return found;
}

/** The lib/ folder a specifier of `file` points into, if any. */
function libFolder(file: string, specifier: string): string | undefined {
  const path = specifier.startsWith('@/')
    ? specifier.slice(2)
    : specifier.startsWith('.')
      ? relative(ROOT, join(ROOT, file, '..', specifier))
      : '';
  return /^lib\/([^/]+)\//.exec(path)?.[1];
}

describe('the role folders', () => {
  it('every module of lib/ is in a role folder', () => {
    const loose = readdirSync(join(ROOT, 'lib')).filter(
      (name) => !statSync(join(ROOT, 'lib', name)).isDirectory(),
    );
    expect(loose).toEqual([]);
    expect(readdirSync(join(ROOT, 'lib')).sort()).toEqual([...PURE, ...IMPURE].sort());
  });

  it.each(PURE)('lib/%s reaches no browser API, no storage, no Svelte and no impure folder', (folder) => {
    const offences = filesUnder(join('lib', folder)).flatMap((file) =>
      runtimeImports(file)
        .filter(
          (specifier) =>
            ['wxt/browser', 'wxt/utils/storage', 'webextension-polyfill', 'svelte'].includes(specifier) ||
            IMPURE.includes(libFolder(file, specifier) ?? ''),
        )
        .map((specifier) => `${file} imports ${specifier}`),
    );
    expect(offences).toEqual([]);
  });

  it.each(IMPURE)('lib/%s imports no Svelte and no component', (folder) => {
    const offences = filesUnder(join('lib', folder)).flatMap((file) =>
      runtimeImports(file)
        .filter(
          (specifier) =>
            specifier === 'svelte' || specifier.endsWith('.svelte') || specifier.includes('components/'),
        )
        .map((specifier) => `${file} imports ${specifier}`),
    );
    expect(offences).toEqual([]);
  });

  it('the check itself sees an offence (a pure module that imports the browser is caught)', () => {
    expect(runtimeImports('lib/state/history.ts')).toContain('wxt/utils/storage');
    expect(libFolder('lib/view/diagnose.ts', '../state/settings/schema.ts')).toBe('state');
    expect(libFolder('entrypoints/popup/main.ts', '@/lib/state/settings')).toBe('state');
  });
});
