/**
 * `npm run bench`: every benchmark, on the production builds, headless, in one go: builds and zips, then runs
 * each benchmark as its own process (one browser at a time: the machine has two cores) and prints one table.
 * Each benchmark interleaves its variants in one run and reports medians. Writes bench/results/bench.json
 * with every figure, next to each benchmark's own JSON (samples included).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { chromiumPath, firefoxPath } from '../test/e2e/support/browsers.ts';
import { entrypointSizes, kb, zipSizes } from '../scripts/sizes.ts';

const root = resolve(import.meta.dirname, '..');
const results = resolve(import.meta.dirname, 'results');
const started = Date.now();

function run(command: string, args: string[]): void {
  const { status } = spawnSync(command, args, { stdio: 'inherit', cwd: root });
  if (status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${status})`);
}
const version = (path: string) => spawnSync(path, ['--version'], { encoding: 'utf8' }).stdout.trim() || path;
const read = <T>(name: string): T => JSON.parse(readFileSync(resolve(results, `${name}.json`), 'utf8')) as T;

run('npm', ['run', 'build']);
run('npm', ['run', 'zip']);
for (const bench of ['lookup', 'explanation', 'overhead', 'popup', 'running-here'])
  run('node', [`bench/${bench}.ts`]);

interface Explanation {
  runs: number;
  chromium: {
    browserAloneMs: number;
    warmMs: number;
    coldMs: number;
    ratio: number;
    coldToWarm: number;
    floorMs: number;
    floorRatio: number;
  };
  firefox: { browserAloneMs: number; warmMs: number; ratio: number };
}
type PageKind = 'tiny' | 'slow' | 'devServer';
interface Overhead {
  runs: Record<PageKind, number>;
  devServerModules: number;
  ratios: Record<PageKind, Record<'webRequestOnly' | 'portDoctor' | 'portDoctorAllOn', number>>;
  extensionScriptExecutions: number;
}
interface Popup {
  runs: number;
  blankMs: number;
  popupUsableMs: number;
  usableRatio: number;
}
interface Running {
  runs: number;
  servers: number;
  portsAsked: number;
  listCompleteMs: number;
  usableRatio: number;
  idleRequests: number;
}
const explanation = read<Explanation>('explanation');
const running = read<Running>('running');
const overhead = read<Overhead>('overhead');
const popup = read<Popup>('popup');
const sizes = {
  chrome: entrypointSizes(resolve(root, '.output/chrome-mv3')),
  firefox: entrypointSizes(resolve(root, '.output/firefox-mv3')),
  zips: zipSizes(resolve(root, '.output')),
};

const machine = {
  cpus: cpus().length,
  cpu: cpus()[0]?.model ?? '?',
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  chromium: version(chromiumPath()),
  firefox: version(firefoxPath()),
};
const OVERHEAD_PAGES: Record<PageKind, string> = {
  tiny: `tiny local pages (${overhead.runs.tiny})`,
  slow: `server +50 ms/response (${overhead.runs.slow})`,
  devServer: `Vite, ${overhead.devServerModules} modules (${overhead.runs.devServer})`,
};
const verdict = (value: number, goal: number) => (value <= goal ? 'met' : `not met (${value.toFixed(2)})`);
const explainJs = sizes.chrome.find((entry) => entry.name.startsWith('explain'))?.js.raw ?? 0;
const rows: [string, string, string][] = [
  [
    '1. time to explanation, Chromium',
    `${explanation.chromium.warmMs.toFixed(0)} ms vs error page ${explanation.chromium.browserAloneMs.toFixed(0)} ms: ratio ${explanation.chromium.ratio.toFixed(2)} (a one-line page instead: ${explanation.chromium.floorRatio.toFixed(2)})`,
    `<= 1.0: ${verdict(explanation.chromium.ratio, 1)}`,
  ],
  [
    '1. time to explanation, Firefox',
    `${explanation.firefox.warmMs.toFixed(0)} ms vs error page ${explanation.firefox.browserAloneMs.toFixed(0)} ms: ratio ${explanation.firefox.ratio.toFixed(2)}`,
    `<= 2.0: ${verdict(explanation.firefox.ratio, 2)}`,
  ],
  [
    '2. cold start, Chromium',
    `${explanation.chromium.coldMs.toFixed(0)} ms, cold/warm ${explanation.chromium.coldToWarm.toFixed(2)}`,
    `<= 1.1: ${verdict(explanation.chromium.coldToWarm, 1.1)}`,
  ],
  ...(['tiny', 'slow', 'devServer'] as const).map((kind): [string, string, string] => {
    const { webRequestOnly, portDoctor, portDoctorAllOn } = overhead.ratios[kind];
    return [
      `3. healthy page, ${OVERHEAD_PAGES[kind]}`,
      `default ${portDoctor.toFixed(3)}; every optional check on ${portDoctorAllOn.toFixed(3)} (code-less webRequest extension ${webRequestOnly.toFixed(3)}); ${overhead.extensionScriptExecutions} script executions`,
      kind === 'slow' ? 'reported' : `default <= 1.02: ${verdict(portDoctor, 1.02)}`,
    ];
  }),
  [
    '4. popup usable, Chromium',
    `${popup.popupUsableMs.toFixed(0)} ms vs blank page ${popup.blankMs.toFixed(0)} ms: ratio ${popup.usableRatio.toFixed(2)}`,
    `<= 1.3: ${verdict(popup.usableRatio, 1.3)}`,
  ],
  [
    '6. "Running here" list complete',
    `${running.listCompleteMs.toFixed(0)} ms (${running.servers} servers up, ${running.portsAsked} ports × 2 addresses); first paint ${running.usableRatio.toFixed(2)} × the list off`,
    `<= 400 ms: ${running.listCompleteMs <= 400 ? 'met' : 'not met'}; paint <= 1.05: ${verdict(running.usableRatio, 1.05)}`,
  ],
  [
    '6. requests with no Port Doctor page open',
    `${running.idleRequests}`,
    `0: ${running.idleRequests === 0 ? 'met' : 'not met'}`,
  ],
  [
    '5. explanation page, initial JS',
    `${kb(explainJs)} raw`,
    `<= 40 KB: ${explainJs <= 40_000 ? 'met' : 'not met'}`,
  ],
];
console.log(
  `\nPort Doctor benchmarks (${machine.cpus} cores, ${machine.memoryGiB} GiB; ${machine.chromium}; ${machine.firefox})`,
);
for (const [name, figure, goal] of rows) console.log(`  ${name.padEnd(36)} ${figure}  [goal ${goal}]`);
console.log(
  '  "Every optional check on" = deeper checks (webRequest, Chrome): they buy the in-page card for a page\'s own\n' +
    '  fetch, XHR or WebSocket on a blocked port. Without them every failed tab and frame is still explained.',
);
console.log('\nSizes (JS raw / gzip, CSS raw), Chrome build:');
for (const entry of sizes.chrome)
  console.log(
    `  ${entry.name.padEnd(28)} ${kb(entry.js.raw).padStart(9)} / ${kb(entry.js.gzip).padStart(8)}   css ${kb(entry.css.raw)}`,
  );
for (const zip of sizes.zips) console.log(`  ${zip.name.padEnd(40)} ${kb(zip.raw)}`);
const seconds = Math.round((Date.now() - started) / 1000);
console.log(`\nAll benchmarks: ${seconds} s.`);
mkdirSync(results, { recursive: true });
writeFileSync(
  resolve(results, 'bench.json'),
  JSON.stringify(
    { date: new Date().toISOString(), seconds, machine, explanation, overhead, popup, running, sizes },
    null,
    2,
  ),
);
