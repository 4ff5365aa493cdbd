import { describe, expect, it } from 'vitest';
import { kindOf } from '@/lib/kinds/detect';
import { explain } from '@/lib/kinds/connection-reset/explain';

describe('connection-reset', () => {
  it.each([
    ['http://localhost:3000/', 'net::ERR_CONNECTION_RESET', 'connection-reset'],
    ['http://127.0.0.1:3000/', 'Error code 2152398868', 'connection-reset'],
    ['http://localhost:6379/', 'Error code 2152398868', 'not-http'],
    ['https://example.com/', 'net::ERR_CONNECTION_RESET', null],
  ])('%s with %s is %s', (url, code, kind) => {
    expect(kindOf(new URL(url), code)).toBe(kind);
  });

  const input = { url: 'http://localhost:3000/', host: 'localhost', port: 3000, scheme: 'http:' };
  it.each([
    ['firefox', 'https://localhost:3000/', 4],
    ['chromium', undefined, 3],
  ] as const)('in %s: https:// offered as %s, %i likely causes', (engine, https, causes) => {
    expect(explain.fix?.({ ...input, engine })?.url).toBe(https);
    expect(explain.checklist?.({ ...input, engine })).toHaveLength(causes);
  });
});
