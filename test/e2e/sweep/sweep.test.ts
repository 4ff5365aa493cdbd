/**
 * The truth test: every port 0..65535, asked of the real browsers, must match lib/ports for that engine.
 * `npm run sweep` runs the same sweep alone and prints the differences (scripts/sweep.ts).
 */
import { describe, expect, it } from 'vitest';
import { blockedList } from '../../../lib/ports/blocked';
import { sweepPorts } from '../support/port-sweep';

const ENGINE_OF = { chromium: 'chromium', firefox: 'firefox' } as const;

describe.each(['chromium', 'firefox'] as const)('%s, every port 0..65535', (browser) => {
  it('blocks exactly the ports lib/ports says it blocks', async () => {
    const result = await sweepPorts(browser);
    console.log(
      `${result.version}: ${result.blocked.length} blocked ports, swept in ${result.seconds.toFixed(1)} s`,
    );
    expect(result.unexplained).toEqual([]);
    expect(result.blocked).toEqual(blockedList(ENGINE_OF[browser]));
  }, 600_000);
});
