/**
 * Keeps "a case both engines run is written once" true (ARCHITECTURE.md, "How the e2e tests are laid out"): every
 * suite of test/e2e/scenarios/ is declared, for each engine one of its rows is tagged with, by that engine's
 * one-line entry test/e2e/<engine>/<area>.test.ts, and by no entry of an engine none of its rows runs on.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENGINES } from '../e2e/support/driver';
import type { Suite } from '../e2e/scenarios/scenario';

const ROOT = resolve(import.meta.dirname, '../..');
const SCENARIOS = resolve(ROOT, 'test/e2e/scenarios');

const isSuites = (value: unknown): value is Suite[] =>
  Array.isArray(value) &&
  value.length > 0 &&
  value.every((item) => typeof (item as Suite).declare === 'function' && Array.isArray((item as Suite).rows));

describe('e2e scenario modules and their entries', async () => {
  const areas = await Promise.all(
    readdirSync(SCENARIOS)
      .filter((file) => file.endsWith('.ts'))
      .map(async (file) => {
        const module = (await import(resolve(SCENARIOS, file))) as Record<string, unknown>;
        const exported = Object.entries(module).filter(([, value]) => isSuites(value));
        return { area: file.replace(/\.ts$/, ''), exported: exported as [string, Suite[]][] };
      }),
  );
  const withSuites = areas.filter(({ exported }) => exported.length > 0);

  it('finds the areas written as suites', () => {
    expect(withSuites.map(({ area }) => area)).toEqual(
      expect.arrayContaining(['popup', 'options', 'explanation', 'hostile']),
    );
  });

  it.each(withSuites.map(({ area, exported }) => [area, exported] as const))(
    '%s: every row runs somewhere, and each engine it names has the one-line entry',
    (area, exported) => {
      for (const [name, suites] of exported) {
        const rows = suites.flatMap((each) => each.rows);
        for (const row of rows) expect(row.engines.length, `${area}: "${row.title}"`).toBeGreaterThan(0);
        for (const engine of ENGINES) {
          const entry = resolve(ROOT, `test/e2e/${engine}/${area}.test.ts`);
          const runs = rows.some((row) => row.engines.includes(engine));
          const declared =
            existsSync(entry) && readFileSync(entry, 'utf8').includes(`runSuites('${engine}', ${name})`);
          expect(declared, `test/e2e/${engine}/${area}.test.ts: runSuites('${engine}', ${name})`).toBe(runs);
        }
      }
    },
  );
});
