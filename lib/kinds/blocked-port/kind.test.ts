import { describe, expect, it } from 'vitest';
import { kindOf } from '@/lib/kinds/detect';
import { explain } from '@/lib/kinds/blocked-port/explain';
import { blockedPort } from '@/lib/kinds/blocked-port/kind';

describe('blocked-port', () => {
  it.each([
    ['http://localhost:6000/', 'net::ERR_UNSAFE_PORT', 'blocked-port'],
    ['http://example.com:6667/', 'net::ERR_UNSAFE_PORT', 'blocked-port'],
    ['ws://127.0.0.1:10080/socket', 'net::ERR_UNSAFE_PORT', 'blocked-port'],
    ['http://localhost:6000/', 'NS_ERROR_PORT_ACCESS_NOT_ALLOWED', 'blocked-port'],
    ['ftp://localhost:6000/', 'net::ERR_UNSAFE_PORT', null],
  ])('%s with %s is %s', (url, code, kind) => {
    expect(kindOf(new URL(url), code)).toBe(kind);
  });

  it.each([
    [{ host: 'localhost', port: 6000, serviceName: 'X11' }, 'kind.blockedPort.summary'],
    [{ host: 'localhost', port: 6001 }, 'kind.blockedPort.unlisted'],
  ])('words its summary for %j', (input, key) => {
    expect(explain.summary({ url: 'http://localhost/', scheme: 'http:', ...input }).key).toBe(key);
  });

  it('is the one kind with the in-page card and the blocked group', () => {
    expect([blockedPort.card, blockedPort.group]).toEqual([true, 'blocked']);
  });
});
