/**
 * The truth checks' recorded results (test/truth/recorded.json: what the real browsers refused and upgraded,
 * with their versions) against the lists the extension ships: a list changed without asking the browsers
 * again fails here, at once, and `npm test` then runs the truth checks (scripts/test-all.ts).
 */
import { describe, expect, it } from 'vitest';
import { ENGINES, listed, readTruth } from '../truth/record';

describe.each(ENGINES)('%s as recorded', (engine) => {
  const recorded = readTruth()[engine];

  it('refused exactly the ports lib/ports/blocked.ts lists', () => {
    expect(recorded.blocked).toEqual(listed(engine).blocked);
  });

  it('opened with https:// exactly the top-level domains forced-https lists', () => {
    expect(recorded.hsts).toEqual(listed(engine).hsts);
  });

  it('names the browser version it ran on', () => {
    expect(recorded.browser).toMatch(/^(Chromium|Mozilla Firefox) \d+\./);
  });
});
