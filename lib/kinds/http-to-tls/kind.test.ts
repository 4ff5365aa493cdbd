import { describe, expect, it } from 'vitest';
import { kindOf } from '@/lib/kinds/detect';
import { explain } from '@/lib/kinds/http-to-tls/explain';

describe('http-to-tls', () => {
  it.each([
    ['http://localhost:5173/', 'net::ERR_EMPTY_RESPONSE', 'http-to-tls'],
    ['http://127.0.0.1:8443/', 'net::ERR_EMPTY_RESPONSE', 'http-to-tls'],
    // A service's own port: not-http says which service. A remote host: not ours to judge.
    ['http://localhost:6379/', 'net::ERR_EMPTY_RESPONSE', 'not-http'],
    ['http://example.com:8443/', 'net::ERR_EMPTY_RESPONSE', null],
    ['https://localhost:5173/', 'net::ERR_EMPTY_RESPONSE', null],
  ])('%s with %s is %s', (url, code, kind) => {
    expect(kindOf(new URL(url), code)).toBe(kind);
  });

  it('offers the same address over https://', () => {
    const input = { url: 'http://localhost:5173/a?b=1', host: 'localhost', port: 5173, scheme: 'http:' };
    expect(explain.fix?.(input)).toMatchObject({ url: 'https://localhost:5173/a?b=1', testId: 'use-https' });
  });
});
