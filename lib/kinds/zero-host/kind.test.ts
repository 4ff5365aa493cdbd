import { describe, expect, it } from 'vitest';
import { kindOf } from '@/lib/kinds/detect';
import { explain } from '@/lib/kinds/zero-host/explain';

describe('zero-host', () => {
  it.each([
    ['http://0.0.0.0:8000/', 'Error code 2152398861', 'zero-host'],
    ['http://[::]:8000/', 'Error code 2152398861', 'zero-host'],
    ['http://0.0.0.0:5173/', 'net::ERR_ADDRESS_INVALID', 'zero-host'],
    ['http://0.0.0.0:5173/', 'net::ERR_CONNECTION_REFUSED', 'zero-host'],
    // Any other refused host stays a refused connection.
    ['http://127.0.0.1:8000/', 'Error code 2152398861', 'connection-refused'],
    ['http://localhost:8000/', 'net::ERR_ADDRESS_INVALID', null],
  ])('%s with %s is %s', (url, code, kind) => {
    expect(kindOf(new URL(url), code)).toBe(kind);
  });

  it.each([
    ['http://0.0.0.0:8000/app?x=1', 'http://localhost:8000/app?x=1'],
    ['http://[::]:5173/', 'http://localhost:5173/'],
  ])('offers %s on localhost: %s', (url, expected) => {
    const input = { url, host: new URL(url).hostname, port: Number(new URL(url).port), scheme: 'http:' };
    expect(explain.fix?.(input)?.url).toBe(expected);
  });
});
