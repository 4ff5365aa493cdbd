/**
 * `npm test`: builds and zips the production extension, then runs every test layer and prints the count of each:
 * unit (lib/), wiring (entrypoints on WXT's fake browser, Chrome and Firefox builds) and e2e (the production
 * builds in real Chromium and real Firefox). Every layer runs even if an earlier one failed.
 *
 * The truth checks (every port asked of both browsers, the HSTS-preloaded TLDs) test the browsers, not this code:
 * they run when an installed browser's version, or a list, differs from their recorded results
 * (test/truth/record.ts); `npm run truth` runs them anyway. PORT_DOCTOR_BUILT=1 (set by .ci/run, which has just
 * built and zipped) skips the build here: one build per run.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { whyRunTruth } from '../test/truth/record.ts';

interface Layer {
  name: string;
  args: string[];
}

const LAYERS: Layer[] = [
  { name: 'unit', args: ['--project', 'unit'] },
  { name: 'shell commands (bash)', args: ['--project', 'shell'] },
  { name: 'wiring (Chrome build)', args: ['--project', 'wiring-chrome'] },
  { name: 'wiring (Firefox build)', args: ['--config', 'vitest.firefox.config.ts'] },
  { name: 'e2e Chromium', args: ['--project', 'e2e', 'test/e2e/chromium/'] },
  { name: 'e2e Firefox', args: ['--project', 'e2e', 'test/e2e/firefox/'] },
];
const truth = whyRunTruth();
if (truth) {
  console.log(`The truth checks run: ${truth}. Commit the rewritten test/truth/recorded.json.`);
  LAYERS.push({ name: 'e2e truth (sweep, HSTS)', args: ['--project', 'e2e', 'test/e2e/sweep/'] });
} else {
  console.log('The truth checks (sweep, HSTS) stand as recorded for the installed browsers: not run again.');
}

function run(command: string, args: string[]): number {
  const result = spawnSync(command, args, { stdio: 'inherit' });
  return result.status ?? 1;
}

// The packages too: the e2e tests load the zipped builds, unpacked, as well as .output/ (wxt zip builds both).
if (process.env.PORT_DOCTOR_BUILT !== '1' && run('npm', ['run', 'zip']) !== 0) {
  console.error('The build failed: no test was run.');
  process.exit(1);
}

const reports = mkdtempSync(join(tmpdir(), 'port-doctor-tests-'));
const rows: { name: string; passed: number; failed: number; status: number }[] = [];
for (const [index, layer] of LAYERS.entries()) {
  console.log(`\n=== ${layer.name} ===`);
  const report = join(reports, `${index}.json`);
  const status = run('npx', [
    'vitest',
    'run',
    ...layer.args,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
  ]);
  let passed = 0;
  let failed = 0;
  try {
    const json = JSON.parse(readFileSync(report, 'utf8')) as {
      numPassedTests: number;
      numFailedTests: number;
    };
    passed = json.numPassedTests;
    failed = json.numFailedTests;
  } catch {
    // No report: the runner itself failed before running anything.
  }
  // A layer that exits non-zero, or runs nothing, has failed whatever it counted.
  if (status !== 0 && failed === 0) failed = 1;
  if (passed + failed === 0) failed = 1;
  rows.push({ name: layer.name, passed, failed, status });
}

console.log('\n=== Port Doctor tests ===');
for (const row of rows) console.log(`${row.name.padEnd(24)} ${row.passed} passed, ${row.failed} failed`);
const passed = rows.reduce((sum, row) => sum + row.passed, 0);
const failed = rows.reduce((sum, row) => sum + row.failed, 0);
console.log(`total: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
