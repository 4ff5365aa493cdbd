/**
 * The fingerprint table (lib/servers/fingerprints.ts) against real answers: what each real dev server sent
 * Port Doctor's scan, recorded by `npm run record:servers` (test/dev-servers/recorded.json, with the versions).
 * Each is named as the scan names it (its first candidate, confirmed where the table asks for it), with its title.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { candidates, confirmed, titleOf, type Observed } from '@/lib/servers/fingerprints';

interface Recorded {
  versions: Record<string, string>;
  servers: {
    id: string | null;
    tool: string;
    title: string;
    root: Observed;
    paths: Record<string, Observed>;
  }[];
}

const recorded = JSON.parse(
  readFileSync(resolve(import.meta.dirname, '../dev-servers/recorded.json'), 'utf8'),
) as Recorded;

/** The scan's own steps (lib/servers/scan.ts identify): candidates in order, each confirmed if it must be. */
function named(root: Observed, paths: Record<string, Observed>): string | null {
  for (const tool of candidates(root)) {
    if (!tool.confirm) return tool.id;
    const answer = paths[tool.confirm.path];
    if (answer && confirmed(tool, answer.body)) return tool.id;
  }
  return null;
}

describe(`real answers (${Object.entries(recorded.versions)
  .map(([name, version]) => `${name} ${version}`)
  .join(', ')})`, () => {
  it.each(recorded.servers.map((server) => [server.tool, server] as const))('%s', (_, server) => {
    expect(named(server.root, server.paths)).toBe(server.id);
    expect(titleOf(server.root.body) ?? '').toBe(server.title);
  });

  it('covers the tools the e2e tests start, at least ten', () => {
    expect(recorded.servers.length).toBeGreaterThanOrEqual(10);
  });
});
