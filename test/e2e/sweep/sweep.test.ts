/**
 * The truth test: every port 0..65535, asked of the real browsers, must match lib/ports for that engine; what
 * it found is recorded with the browser's version (test/truth/record.ts). `npm run sweep` runs the same sweep
 * alone and prints the differences (scripts/sweep.ts).
 */
import { describe, expect, it } from 'vitest';
import { blockedList } from '../../../lib/ports/blocked';
import { sweepPorts } from '../support/port-sweep';
import { recordTruth } from '../../truth/record';

describe.each(['chromium', 'firefox'] as const)('%s, every port 0..65535', (browser) => {
  it('blocks exactly the ports lib/ports says it blocks', async () => {
    const result = await sweepPorts(browser);
    console.log(
      `${result.version}: ${result.blocked.length} blocked ports, swept in ${result.seconds.toFixed(1)} s`,
    );
    expect(result.unexplained).toEqual([]);
    expect(result.blocked).toEqual(blockedList(browser));
    recordTruth(browser, { blocked: result.blocked });
  }, 600_000);
});
