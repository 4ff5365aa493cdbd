import { describe, expect, it } from 'vitest';
import { kindOf } from '@/lib/detect';
import { explain } from '@/lib/kinds/not-http/explain';

describe('not-http', () => {
  it.each([
    ['http://localhost:5432/', 'net::ERR_INVALID_HTTP_RESPONSE', 'not-http'],
    ['http://localhost:6379/', 'net::ERR_EMPTY_RESPONSE', 'not-http'],
    ['http://127.0.0.1:27017/', 'Error code 2152398868', 'not-http'],
    ['http://localhost:5432/', 'NS_ERROR_NET_RESET', 'not-http'],
    // An empty answer on a port no service owns says nothing certain.
    ['http://localhost:5173/', 'net::ERR_EMPTY_RESPONSE', null],
    ['http://example.com:5432/', 'net::ERR_INVALID_HTTP_RESPONSE', null],
  ])('%s with %s is %s', (url, code, kind) => {
    expect(kindOf(new URL(url), code)).toBe(kind);
  });

  it('names the service that owns the port', () => {
    const input = { url: 'http://localhost:5432/', host: 'localhost', port: 5432, scheme: 'http:' };
    expect(explain.summary({ ...input, conventionName: 'PostgreSQL' })).toEqual({
      key: 'kind.notHttp.summary',
      args: ['5432', 'PostgreSQL'],
    });
  });
});
