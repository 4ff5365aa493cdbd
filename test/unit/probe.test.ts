import { describe, expect, it } from 'vitest';
import { isLocalHost } from '@/lib/core/local-host';
import { probeMode, probePort, probeRedirect } from '@/lib/view/probe';

describe('probeMode: only this machine is probed without a click', () => {
  const patterns = ['devbox.test', '*.lan'];
  it.each([
    ['localhost', 'auto'],
    ['app.localhost', 'auto'],
    ['127.0.0.1', 'auto'],
    ['127.1.2.3', 'auto'],
    ['[::1]', 'auto'],
    ['0.0.0.0', 'on-click'],
    // LAN ranges: a router, a printer, a cloud metadata service, any of which a web page can name.
    ['10.0.0.1', 'on-click'],
    ['172.16.0.1', 'on-click'],
    ['192.168.1.1', 'on-click'],
    ['169.254.169.254', 'on-click'],
    ['[fd00::2]', 'on-click'],
    ['[fe80::1]', 'on-click'],
    // Listed by the user as local: theirs, but maybe not this machine.
    ['devbox.test', 'on-click'],
    ['nas.lan', 'on-click'],
    ['example.com', 'never'],
    ['8.8.8.8', 'never'],
    ['devbox.test.example.com', 'never'],
  ])('%s: %s', (host, mode) => {
    expect(probeMode(host, isLocalHost(host, patterns))).toBe(mode);
  });

  it('never probes a host that is not local, loopback or not', () => {
    expect(probeMode('localhost', false)).toBe('never');
  });
});

describe('probeRedirect', () => {
  it.each([
    ['auto', 'manual'],
    ['on-click', 'follow'],
    ['never', 'manual'],
  ] as const)('%s -> %s', (mode, redirect) => {
    expect(probeRedirect(mode)).toBe(redirect);
  });

  it('reaches fetch with the chosen redirect mode, no credentials, and no-cors', async () => {
    const seen: RequestInit[] = [];
    const fetcher = async (_url: string, init: RequestInit) => void seen.push(init);
    expect(await probePort(fetcher, 'http://devbox.test:5174', undefined, 'follow')).toBe('in-use');
    expect(await probePort(fetcher, 'http://localhost:5174')).toBe('in-use');
    expect(seen.map(({ redirect, mode, credentials }) => [redirect, mode, credentials])).toEqual([
      ['follow', 'no-cors', 'omit'],
      ['manual', 'no-cors', 'omit'],
    ]);
  });
});
