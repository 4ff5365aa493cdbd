/**
 * `npm run bench:lookup`: (1) the time to classify all 65,536 ports, three ways: the background's question
 * (is it blocked in this engine?), the popup's full facts without IANA names, and with them (decoding the
 * table included); (2) the bytes of port data each built entrypoint carries, statically and lazily.
 * Needs `npm run build` first. Writes bench/results/lookup.json.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'rolldown';
import { ENGINES, isBlocked } from '../lib/ports/blocked.ts';
import { portFacts } from '../lib/ports/facts.ts';
import { decodeIana } from '../lib/ports/iana.ts';
import { IANA_TCP } from '../lib/ports/generated/iana-data.ts';
import { median } from './stats.ts';

const ROUNDS = 7;

function time(run: () => void): number {
  run(); // warm-up
  const samples: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

let sink = 0;
const timings = {
  'isBlocked, every engine': time(() => {
    for (let port = 0; port <= 65535; port++)
      for (const engine of ENGINES) if (isBlocked(port, engine)) sink++;
  }),
  'portFacts, no IANA names': time(() => {
    for (let port = 0; port <= 65535; port++) sink += portFacts(port).blockedBy.length;
  }),
  'decode IANA + portFacts': time(() => {
    const iana = decodeIana(IANA_TCP);
    for (let port = 0; port <= 65535; port++) sink += portFacts(port, iana).iana ? 1 : 0;
  }),
};

console.log('Classify all 65,536 ports (median of %d runs):', ROUNDS);
for (const [name, ms] of Object.entries(timings)) {
  console.log(
    `  ${name.padEnd(26)} ${ms.toFixed(1).padStart(7)} ms  (${((ms * 1000) / 65536).toFixed(2)} µs a port)`,
  );
}

// --- Bytes per entrypoint, from the production build ---
const OUT = resolve(import.meta.dirname, '../.output/chrome-mv3');
const MARKERS = { blocked: 'sane-port', iana: 'remoteware-cl' };

function readOut(file: string): string {
  return readFileSync(join(OUT, file), 'utf8');
}

/** Chunks a file imports: static ones (loaded with it) and dynamic ones (loaded on demand). */
function imports(file: string): { staticDeps: string[]; dynamicDeps: string[] } {
  const code = readOut(file);
  const resolveDep = (spec: string) => join(dirname(file), spec).replace(/^\//, '');
  const staticDeps = [...code.matchAll(/(?:import|from)\s*["'](\.{1,2}\/[^"']+\.js)["']/g)].map((m) =>
    resolveDep(m[1]!),
  );
  const dynamicDeps = [...code.matchAll(/import\(\s*["'`](\.{1,2}\/[^"'`]+\.js)["'`]\s*\)/g)].map((m) =>
    resolveDep(m[1]!),
  );
  return { staticDeps, dynamicDeps };
}

function closure(entry: string): { loaded: Set<string>; lazy: Set<string> } {
  const loaded = new Set<string>();
  const lazy = new Set<string>();
  const visit = (file: string, into: Set<string>) => {
    if (loaded.has(file) || into.has(file)) return;
    into.add(file);
    const { staticDeps, dynamicDeps } = imports(file);
    for (const dep of staticDeps) visit(dep, into);
    for (const dep of dynamicDeps) visit(dep, lazy);
  };
  visit(entry, loaded);
  for (const file of loaded) lazy.delete(file);
  return { loaded, lazy };
}

function entryScripts(): Record<string, string> {
  const entries: Record<string, string> = {
    background: 'background.js',
    overlay: 'content-scripts/overlay.js',
  };
  for (const page of ['popup', 'explain', 'options']) {
    const src = /<script type="module"[^>]*src="\/?([^"]+)"/.exec(readOut(`${page}.html`))?.[1];
    if (src) entries[page] = src;
  }
  return entries;
}

/** A lib module bundled and minified on its own, as the entrypoints get it. */
async function minifiedSize(input: string): Promise<{ raw: number; gzip: number }> {
  const result = await build({
    input: resolve(import.meta.dirname, '..', input),
    write: false,
    output: { minify: true, format: 'esm' },
  });
  const code = result.output.map((chunk) => ('code' in chunk ? chunk.code : '')).join('');
  return { raw: Buffer.byteLength(code), gzip: gzipSync(code).length };
}

const modules = {
  'lib/ports/blocked.ts (the blocked lists)': await minifiedSize('lib/ports/blocked.ts'),
  'lib/ports/generated/iana-data.ts (IANA names)': await minifiedSize('lib/ports/generated/iana-data.ts'),
};
console.log('\nPort data modules, minified alone (bytes):');
for (const [name, size] of Object.entries(modules))
  console.log(
    `  ${name.padEnd(48)} ${String(size.raw).padStart(7)} raw ${String(size.gzip).padStart(6)} gzip`,
  );

const sizes: Record<string, Record<string, number | boolean>> = {};
console.log('\nPort data per entrypoint (chrome-mv3, bytes of JS loaded with the entry):');
console.log(
  `  ${'entry'.padEnd(10)} ${'JS loaded'.padStart(10)} ${'gzip'.padStart(8)} ${'blocked lists'.padStart(14)} ${'IANA loaded'.padStart(12)} ${'IANA lazy'.padStart(10)}`,
);
for (const [name, file] of Object.entries(entryScripts())) {
  const { loaded, lazy } = closure(file);
  const bytes = (files: Set<string>, marker?: string) =>
    [...files]
      .filter((f) => !marker || readOut(f).includes(marker))
      .reduce((sum, f) => sum + Buffer.byteLength(readOut(f)), 0);
  const gzip = [...loaded].reduce((sum, f) => sum + gzipSync(readOut(f)).length, 0);
  // The blocked lists are inlined in a bigger chunk: count the chunk's size only to show where they live.
  const row = {
    loaded: bytes(loaded),
    gzip,
    blockedLists: bytes(loaded, MARKERS.blocked) > 0,
    ianaLoaded: bytes(loaded, MARKERS.iana),
    ianaLazy: bytes(lazy, MARKERS.iana),
  };
  sizes[name] = row;
  console.log(
    `  ${name.padEnd(10)} ${String(row.loaded).padStart(10)} ${String(row.gzip).padStart(8)} ${(row.blockedLists ? 'yes' : 'no').padStart(14)} ${String(row.ianaLoaded).padStart(12)} ${String(row.ianaLazy).padStart(10)}`,
  );
}
console.log(
  '  (IANA loaded/lazy: bytes of the chunk holding the IANA names, loaded with the page or only on demand)',
);

mkdirSync(resolve(import.meta.dirname, 'results'), { recursive: true });
writeFileSync(
  resolve(import.meta.dirname, 'results/lookup.json'),
  JSON.stringify({ timings, modules, sizes, sink }, null, 2),
);
