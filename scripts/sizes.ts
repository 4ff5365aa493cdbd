/**
 * Sizes of a built extension, entrypoint by entrypoint, raw and gzip: what each one makes the browser load.
 * An HTML page's initial JS is its entry script and the chunks it preloads; chunks it imports later (the IANA
 * names) are counted apart. Used by `npm run bench` (the table) and by the size budget (`npm run sizes`).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface Size {
  raw: number;
  gzip: number;
}

export interface EntrypointSizes {
  name: string;
  js: Size;
  css: Size;
  /** Files, relative to the output folder. */
  files: string[];
}

function sizeOf(dir: string, files: string[]): Size {
  const contents = files.map((file) => readFileSync(join(dir, file)));
  return {
    raw: contents.reduce((sum, content) => sum + content.length, 0),
    gzip: contents.reduce((sum, content) => sum + gzipSync(content, { level: 9 }).length, 0),
  };
}

function entry(dir: string, name: string, js: string[], css: string[]): EntrypointSizes {
  return { name, js: sizeOf(dir, js), css: sizeOf(dir, css), files: [...js, ...css] };
}

/** Scripts and stylesheets an HTML page loads up front. */
function pageAssets(html: string): { js: string[]; css: string[] } {
  const attr = (pattern: RegExp) =>
    [...html.matchAll(pattern)].map((match) => (match[1] ?? '').replace(/^\//, ''));
  return {
    js: [...attr(/<script[^>]+src="([^"]+)"/g), ...attr(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)],
    css: attr(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g),
  };
}

export function entrypointSizes(dir: string): EntrypointSizes[] {
  const result: EntrypointSizes[] = [entry(dir, 'background', ['background.js'], [])];
  const scripts = join(dir, 'content-scripts');
  if (existsSync(scripts)) {
    const files = readdirSync(scripts);
    for (const script of files.filter((file) => file.endsWith('.js'))) {
      const name = script.replace(/\.js$/, '');
      const css = files.filter((file) => file === `${name}.css`).map((file) => `content-scripts/${file}`);
      result.push(entry(dir, `${name} (content script)`, [`content-scripts/${script}`], css));
    }
  }
  for (const page of readdirSync(dir).filter((file) => file.endsWith('.html'))) {
    const { js, css } = pageAssets(readFileSync(join(dir, page), 'utf8'));
    result.push(entry(dir, `${page.replace(/\.html$/, '')} (initial)`, js, css));
  }
  const lazy = readdirSync(join(dir, 'chunks')).filter((file) => file.startsWith('iana-data'));
  result.push(
    entry(
      dir,
      'IANA names (lazy chunk)',
      lazy.map((file) => `chunks/${file}`),
      [],
    ),
  );
  return result;
}

export function zipSizes(outputDir: string): { name: string; raw: number }[] {
  return readdirSync(outputDir)
    .filter((file) => file.endsWith('.zip'))
    .map((file) => ({ name: file, raw: statSync(join(outputDir, file)).size }));
}

export const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;
