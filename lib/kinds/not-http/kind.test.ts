import { describe, expect, it } from 'vitest';
import { kindOf } from '@/lib/kinds/detect';
import { explain } from '@/lib/kinds/not-http/explain';
import { NOT_HTTP_PORTS } from '@/lib/kinds/not-http/kind';
import { SERVICE_PORTS } from '@/lib/ports/conventions';

describe('not-http', () => {
  it.each([
    ['http://localhost:5432/', 'net::ERR_INVALID_HTTP_RESPONSE', 'not-http'],
    ['http://localhost:6379/', 'net::ERR_EMPTY_RESPONSE', 'not-http'],
    ['http://127.0.0.1:27017/', 'Error code 2152398868', 'not-http'],
    ['http://localhost:5432/', 'Error code 2152398868', 'not-http'],
    // An empty answer on a port no service owns: most likely an HTTPS dev server (http-to-tls).
    ['http://localhost:5173/', 'net::ERR_EMPTY_RESPONSE', 'http-to-tls'],
    ['http://example.com:5432/', 'net::ERR_INVALID_HTTP_RESPONSE', null],
  ])('%s with %s is %s', (url, code, kind) => {
    expect(kindOf(new URL(url), code)).toBe(kind);
  });

  it('listens only on ports of services that do not speak HTTP there (lib/ports/conventions.ts)', () => {
    const speaksHttp = [5984, 9200, 2375, 2376, 9090, 15672, 6443, 9222];
    for (const port of NOT_HTTP_PORTS) expect(SERVICE_PORTS[port], String(port)).toBeDefined();
    for (const port of Object.keys(SERVICE_PORTS).map(Number))
      expect(NOT_HTTP_PORTS.has(port), String(port)).toBe(!speaksHttp.includes(port));
  });

  it('names the service that owns the port', () => {
    const input = { url: 'http://localhost:5432/', host: 'localhost', port: 5432, scheme: 'http:' };
    expect(explain.summary({ ...input, conventionName: 'PostgreSQL' })).toEqual({
      key: 'kind.notHttp.summary',
      args: ['5432', 'PostgreSQL'],
    });
  });
});
