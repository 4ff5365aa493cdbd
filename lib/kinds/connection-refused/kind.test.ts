import { describe, expect, it } from 'vitest';
import { kindOf } from '@/lib/kinds/detect';

describe('connection-refused', () => {
  it.each([
    ['http://localhost:5173/', 'net::ERR_CONNECTION_REFUSED', [], 'connection-refused'],
    ['http://127.0.0.1:3000/', 'Error code 2152398861', [], 'connection-refused'],
    ['http://[::1]:3000/', 'Error code 2152398861', [], 'connection-refused'],
    ['http://devbox.test:3000/', 'net::ERR_CONNECTION_REFUSED', ['devbox.test'], 'connection-refused'],
    // A remote host that refuses is someone else's server: nothing to say.
    ['https://example.com/', 'net::ERR_CONNECTION_REFUSED', [], null],
    ['http://devbox.test:3000/', 'net::ERR_CONNECTION_REFUSED', [], null],
  ])('%s with %s (local hosts %j) is %s', (url, code, localHosts, kind) => {
    expect(kindOf(new URL(url), code, localHosts)).toBe(kind);
  });
});
