import { describe, expect, it } from 'vitest';
import { detectChromeResponse, kindOf, type ResponseDetails } from '@/lib/kinds/detect';
import { AIRPLAY_CODE } from '@/lib/kinds/airplay/kind';
import { RESPONSE_URLS } from '@/lib/kinds/registry';

const response = (overrides: Partial<ResponseDetails>): ResponseDetails => ({
  url: 'http://localhost:5000/',
  tabId: 3,
  frameId: 0,
  type: 'main_frame',
  statusCode: 403,
  responseHeaders: [{ name: 'Server', value: 'AirTunes/860.7.1' }],
  ...overrides,
});

describe('airplay', () => {
  it.each([
    ['AirPlay on 5000', {}, 'airplay'],
    [
      'AirPlay on 7000, in a frame',
      { url: 'http://127.0.0.1:7000/', frameId: 2, type: 'sub_frame' },
      'airplay',
    ],
    ['another 403', { responseHeaders: [{ name: 'server', value: 'nginx' }] }, null],
    ['AirTunes answering 200', { statusCode: 200 }, null],
    ['no headers', { responseHeaders: undefined }, null],
    ["a page's own request", { type: 'xmlhttprequest' }, null],
    ['a remote host', { url: 'http://example.com:5000/' }, null],
  ])('%s: %s', (_name, overrides: Partial<ResponseDetails>, kind) => {
    expect(detectChromeResponse(response(overrides), 1000)?.kind ?? null).toBe(kind);
  });

  it('records the failure as the explanation reads it back', () => {
    const failure = detectChromeResponse(response({}), 1000)!;
    expect(failure).toMatchObject({ code: AIRPLAY_CODE, port: 5000, resource: 'main_frame' });
    expect(kindOf(new URL(failure.url), failure.code)).toBe('airplay');
  });

  it('listens only to ports 5000 and 7000 on this machine', () => {
    expect(RESPONSE_URLS).toEqual([
      'http://localhost:5000/*',
      'http://127.0.0.1:5000/*',
      'http://[::1]:5000/*',
      'http://localhost:7000/*',
      'http://127.0.0.1:7000/*',
      'http://[::1]:7000/*',
    ]);
  });
});
