import { describe, expect, it } from 'vitest';
import { kindOf } from '@/lib/kinds/detect';
import { explain } from '@/lib/kinds/lna-denied/explain';

describe('lna-denied', () => {
  it.each([
    ['http://127.0.0.1:5173/', 'net::ERR_BLOCKED_BY_LOCAL_NETWORK_ACCESS_CHECKS', [], 'lna-denied'],
    ['http://192.168.1.20:8080/', 'net::ERR_BLOCKED_BY_LOCAL_NETWORK_ACCESS_CHECKS', [], 'lna-denied'],
    ['http://devbox.test/', 'net::ERR_BLOCKED_BY_LOCAL_NETWORK_ACCESS_CHECKS', ['devbox.test'], 'lna-denied'],
    ['https://example.com/', 'net::ERR_BLOCKED_BY_LOCAL_NETWORK_ACCESS_CHECKS', [], null],
  ])('%s with %s (local hosts %j) is %s', (url, code, localHosts, kind) => {
    expect(kindOf(new URL(url), code, localHosts)).toBe(kind);
  });

  it('says how to allow it, how to avoid it, and what no longer helps', () => {
    const input = { url: 'http://127.0.0.1:5173/', host: '127.0.0.1', port: 5173, scheme: 'http:' };
    expect(explain.checklist?.(input).map((text) => text.key)).toEqual([
      'kind.lnaDenied.allow',
      'kind.lnaDenied.localhost',
      'kind.lnaDenied.iframe',
      'kind.lnaDenied.headers',
    ]);
  });
});
