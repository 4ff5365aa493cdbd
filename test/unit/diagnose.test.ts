import { loadExplainer } from '@/lib/kinds/explainers';
import { describe, expect, it } from 'vitest';
import { diagnose, withPort } from '@/lib/view/diagnose';

describe('diagnose', () => {
  it('explains a blocked port with its service, this browser first', () => {
    const diagnosis = diagnose('http://localhost:6000/', 'net::ERR_UNSAFE_PORT', 'chromium');
    expect(diagnosis).toMatchObject({
      kind: 'blocked-port',
      url: 'http://localhost:6000/',
      host: 'localhost',
      port: 6000,
      scheme: 'http:',
      local: true,
      blockedBy: ['chromium', 'firefox', 'webkit', 'fetch', 'node'],
      facts: { serviceKey: 'x11' },
    });
    expect(diagnosis?.facts.alternatives.length).toBeGreaterThanOrEqual(3);
    expect(
      diagnose('http://localhost:6000/', 'NS_ERROR_PORT_ACCESS_NOT_ALLOWED', 'firefox')?.blockedBy,
    ).toEqual(['firefox', 'chromium', 'webkit', 'fetch', 'node']);
  });

  it('lists only the engines that block 4190', () => {
    expect(
      diagnose('http://localhost:4190/', 'NS_ERROR_PORT_ACCESS_NOT_ALLOWED', 'firefox')?.blockedBy,
    ).toEqual(['firefox', 'webkit', 'fetch', 'node']);
  });

  it('keeps a URL carrying markup as the exact text it was', () => {
    const url = 'http://localhost:6667/<img src=x onerror=alert(1)>?q=<script>alert(1)</script>';
    const diagnosis = diagnose(url, 'net::ERR_UNSAFE_PORT', 'chromium');
    expect(diagnosis?.url).toBe(url);
    expect(diagnosis?.port).toBe(6667);
  });

  it.each([
    ['http://localhost:5173/', 'net::ERR_CONNECTION_REFUSED', 'connection-refused'],
    ['http://127.0.0.1:5173/', 'Error code 2152398861', 'connection-refused'],
    ['http://192.168.1.20:3000/', 'net::ERR_CONNECTION_REFUSED', 'connection-refused'],
    ['https://localhost:5173/', 'net::ERR_SSL_PROTOCOL_ERROR', 'tls-to-http'],
    ['https://localhost:5173/', 'Error code 2153394151', 'tls-to-http'],
    ['http://localhost:5432/', 'net::ERR_INVALID_HTTP_RESPONSE', 'not-http'],
    ['http://localhost:6379/', 'net::ERR_EMPTY_RESPONSE', 'not-http'],
    ['http://localhost:27017/', 'Error code 2152398868', 'not-http'],
  ])('%s with %s is %s', (url, code, kind) => {
    expect(diagnose(url, code, 'chromium')?.kind).toBe(kind);
  });

  it('offers http:// for https to a plain-HTTP server', async () => {
    const diagnosis = diagnose('https://localhost:5173/app?x=1', 'net::ERR_SSL_PROTOCOL_ERROR', 'chromium')!;
    expect((await loadExplainer(diagnosis.kind)).fix?.(diagnosis)?.url).toBe('http://localhost:5173/app?x=1');
  });

  it.each([
    ['', 'net::ERR_UNSAFE_PORT'],
    ['nonsense', 'net::ERR_UNSAFE_PORT'],
    ['javascript:alert(1)', 'net::ERR_UNSAFE_PORT'],
    ['https://example.com/', 'net::ERR_CONNECTION_REFUSED'],
    ['http://localhost:5173/', 'net::ERR_SSL_PROTOCOL_ERROR'],
    ['http://localhost:5173/', 'net::ERR_ABORTED'],
  ])('has nothing to say about %j with %s', (url, code) => {
    expect(diagnose(url, code, 'chromium')).toBeNull();
  });

  it('moves a URL to another port, http(s) only', () => {
    expect(withPort('http://localhost:6000/a?b#c', 6001)).toBe('http://localhost:6001/a?b#c');
    expect(withPort('ws://localhost:6000/', 6001)).toBeNull();
    expect(withPort('junk', 6001)).toBeNull();
  });
});
