import { describe, expect, it } from 'vitest';
import { loopbackTwins } from '@/lib/kinds/loopback-mismatch/explain';
import { MAX_REFINE_PROBES, refine } from '@/lib/kinds/refine';
import type { PortState } from '@/lib/view/probe';

describe('loopback-mismatch', () => {
  it.each([
    ['127.0.0.1', ['[::1]']],
    ['127.1.2.3', ['[::1]']],
    ['[::1]', ['127.0.0.1']],
    // Browsers try both addresses for a name themselves; other hosts are not this machine's loopback.
    ['localhost', []],
    ['192.168.1.2', []],
    ['example.com', []],
  ])('the other loopback address of %s: %j', (host, twins) => {
    expect(loopbackTwins(host)).toEqual(twins);
  });

  const answering =
    (origins: string[]) =>
    (origin: string): Promise<PortState> =>
      Promise.resolve(origins.includes(origin) ? 'in-use' : 'free');

  it.each([
    ['http://127.0.0.1:3000/', ['http://[::1]:3000'], { kind: 'loopback-mismatch', answeredBy: '[::1]' }],
    ['http://[::1]:3000/', ['http://127.0.0.1:3000'], { kind: 'loopback-mismatch', answeredBy: '127.0.0.1' }],
    ['http://127.0.0.1:3000/', [], null],
    ['http://localhost:3000/', ['http://[::1]:3000', 'http://127.0.0.1:3000'], null],
  ])('a refused %s, with %j answering, is refined to %j', async (url, origins, expected) => {
    expect(await refine('connection-refused', url, Number(new URL(url).port), answering(origins))).toEqual(
      expected,
    );
  });

  it('asks nothing after kinds that nothing refines, and never more than its bound', async () => {
    const asked: string[] = [];
    const probe = (origin: string) => (asked.push(origin), Promise.resolve<PortState>('free'));
    await refine('blocked-port', 'http://127.0.0.1:6000/', 6000, probe);
    expect(asked).toEqual([]);
    await refine('connection-refused', 'http://127.0.0.1:3000/', 3000, probe);
    expect(asked.length).toBeLessThanOrEqual(MAX_REFINE_PROBES);
  });
});
