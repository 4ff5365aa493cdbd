import { describe, expect, it } from 'vitest';
import { kindOf } from '@/lib/kinds/detect';
import { explain } from '@/lib/kinds/tls-to-http/explain';

describe('tls-to-http', () => {
  it.each([
    ['https://localhost:5173/', 'net::ERR_SSL_PROTOCOL_ERROR', 'tls-to-http'],
    ['https://127.0.0.1:8080/', 'Error code 2153394151', 'tls-to-http'],
    // Only https:// can be TLS to a plain-HTTP server; a remote host's TLS is not ours to judge.
    ['http://localhost:5173/', 'net::ERR_SSL_PROTOCOL_ERROR', null],
    ['https://example.com/', 'net::ERR_SSL_PROTOCOL_ERROR', null],
  ])('%s with %s is %s', (url, code, kind) => {
    expect(kindOf(new URL(url), code)).toBe(kind);
  });

  it('offers the same address over http://, path and query kept', () => {
    const input = { url: 'https://localhost:5173/app?x=1', host: 'localhost', port: 5173, scheme: 'https:' };
    expect(explain.fix?.(input)).toEqual({
      label: { key: 'kind.tlsToHttp.fix' },
      url: 'http://localhost:5173/app?x=1',
      testId: 'use-http',
    });
  });
});
