import { describe, expect, it } from 'vitest';
import { byteLength } from '../core/bounded.ts';
import { TITLE_LENGTH } from './fingerprints.ts';
import {
  appOn,
  learnPage,
  learnScan,
  loopbackPlace,
  MAX_APPS,
  MAX_APPS_BYTES,
  movedTo,
  pageTitle,
  readApps,
  SEEN_AGAIN_MS,
  type App,
} from './apps.ts';
import { projectDevServer } from './project-tool.ts';

const DAY = 86_400_000;

describe('loopbackPlace: only this machine, by port', () => {
  it.each([
    ['http://localhost:5173/', { port: 5173, host: 'localhost' }],
    ['http://shop.localhost:3000/cart', { port: 3000, host: 'shop.localhost' }],
    ['http://127.0.0.1:8000/', { port: 8000, host: '127.0.0.1' }],
    ['http://[::1]:4321/', { port: 4321, host: '[::1]' }],
    ['https://localhost/', { port: 443, host: 'localhost' }],
    ['http://localhost/', { port: 80, host: 'localhost' }],
    ['http://192.168.1.5:3000/', null],
    ['http://example.com:3000/', null],
    ['http://0.0.0.0:3000/', null],
    ['file:///tmp/index.html', null],
    ['not a url', null],
  ])('%s', (url, place) => {
    expect(loopbackPlace(url)).toEqual(place);
  });
});

describe('learnPage: the title of a local page at its root, never from a route', () => {
  it('a first page on a port remembers it', () => {
    expect(learnPage([], 'http://localhost:5173/', 'shop', 1)).toEqual([
      { port: 5173, host: 'localhost', page: { title: 'shop', at: 1 }, scan: null, before: null },
    ]);
  });

  it.each([
    ['a route (its title is the router’s)', 'http://localhost:5173/cart', 'Cart · shop'],
    ['a page with no title', 'http://localhost:5173/', '   '],
    ['a LAN host', 'http://192.168.1.5:5173/', 'shop'],
    ['a website', 'https://example.com/', 'Example'],
  ])('%s: nothing learned', (_, url, title) => {
    expect(learnPage([], url, title, 1)).toBe(false);
  });

  it('the same title again: seen again, no "before"', () => {
    const once = learnPage([], 'http://localhost:5173/', 'shop', 1) as App[];
    expect(learnPage(once, 'http://127.0.0.1:5173/', 'shop', 2)).toEqual([
      { port: 5173, host: '127.0.0.1', page: { title: 'shop', at: 2 }, scan: null, before: null },
    ]);
  });

  it('the same app reloaded within the hour (a dev server at every save): nothing to write', () => {
    const once = learnPage([], 'http://localhost:5173/', 'shop', 1) as App[];
    expect(learnPage(once, 'http://localhost:5173/', 'shop', 1 + SEEN_AGAIN_MS - 1)).toBe(false);
    expect(learnPage(once, 'http://localhost:5173/', 'shop', 1 + SEEN_AGAIN_MS)).not.toBe(false);
  });

  it('another title on the same port: another app, and what was there before', () => {
    const once = learnPage([], 'http://localhost:3000/', 'shop', 1) as App[];
    const scanned = learnScan(once, [{ port: 3000, tool: 'vite', title: 'shop' }], 2) as App[];
    expect(learnPage(scanned, 'http://localhost:3000/', 'admin', DAY)).toEqual([
      {
        port: 3000,
        host: 'localhost',
        page: { title: 'admin', at: DAY },
        scan: null,
        before: { tool: 'vite', title: 'shop', at: 2 },
      },
    ]);
  });

  it('a title from a page keeps at most TITLE_LENGTH characters', () => {
    const [app] = learnPage([], 'http://localhost:1/', 'x'.repeat(10_000), 1) as App[];
    expect(app?.page?.title).toHaveLength(TITLE_LENGTH);
  });

  it('the newest first, at most MAX_APPS', () => {
    let apps: App[] = [];
    for (let port = 3000; port < 3000 + MAX_APPS + 5; port++)
      apps = learnPage(apps, `http://localhost:${port}/`, `app ${port}`, port) as App[];
    expect(apps).toHaveLength(MAX_APPS);
    expect(apps[0]?.port).toBe(3000 + MAX_APPS + 4);
  });
});

describe('learnScan: the tool a scan found, on ports already remembered', () => {
  const shop = learnPage([], 'http://localhost:5173/', 'Home · shop', 1) as App[];

  it('names a remembered app; a page title and a scan title are never compared', () => {
    expect(learnScan(shop, [{ port: 5173, tool: 'vite', title: 'shop' }], 2)).toEqual([
      {
        port: 5173,
        host: 'localhost',
        page: { title: 'Home · shop', at: 1 },
        scan: { tool: 'vite', title: 'shop', at: 2 },
        before: null,
      },
    ]);
  });

  it('a server never opened in a tab is not remembered', () => {
    expect(learnScan(shop, [{ port: 8000, tool: 'django', title: 'blog' }], 2)).toBe(false);
  });

  it.each([
    ['another tool', { tool: 'next', title: 'shop' }, true],
    ['another title', { tool: 'vite', title: 'admin' }, true],
    ['no title now (the same tool)', { tool: 'vite', title: null }, false],
    ['the tool unknown now (the same title)', { tool: null, title: 'shop' }, false],
  ] as const)('the next scan finds %s: another app = %s', (_, now, another) => {
    const named = learnScan(shop, [{ port: 5173, tool: 'vite', title: 'shop' }], 2) as App[];
    const [app] = learnScan(named, [{ port: 5173, ...now }], 3) as App[];
    expect(app?.before).toEqual(another ? { tool: 'vite', title: 'shop', at: 2 } : null);
  });
});

describe('movedTo: the same app on another port, by evidence, never by port alone', () => {
  const app = (page: string | null, scan: { tool: string | null; title: string | null } | null): App => ({
    port: 5173,
    host: 'localhost',
    page: page === null ? null : { title: page, at: 1 },
    scan: scan && { ...scan, at: 1 },
    before: null,
  });

  it.each([
    ['its title on the next port', app('shop', null), [{ port: 5174, tool: 'vite', title: 'shop' }], 5174],
    [
      'the nearest of two with its title',
      app('shop', null),
      [
        { port: 5180, tool: 'vite', title: 'shop' },
        { port: 5172, tool: 'vite', title: 'shop' },
      ],
      5172,
    ],
    ['another title only', app('shop', null), [{ port: 5174, tool: 'vite', title: 'admin' }], null],
    [
      'its title, but another tool than the scan saw',
      app(null, { tool: 'vite', title: 'shop' }),
      [{ port: 5174, tool: 'next', title: 'shop' }],
      null,
    ],
    [
      'only the tool was known: the nearest with it',
      app(null, { tool: 'vite', title: null }),
      [
        { port: 3000, tool: 'next', title: null },
        { port: 5175, tool: 'vite', title: null },
      ],
      5175,
    ],
    [
      'nothing known',
      app(null, { tool: null, title: null }),
      [{ port: 5174, tool: null, title: null }],
      null,
    ],
    ['still on its own port', app('shop', null), [{ port: 5173, tool: 'vite', title: 'shop' }], null],
  ])('%s', (_, remembered, found, port) => {
    expect(movedTo(remembered, found)?.port ?? null).toBe(port);
  });
});

describe('readApps: the stored list is untrusted', () => {
  const good = { port: 5173, host: 'localhost', page: { title: 'shop', at: 1 }, scan: null, before: null };

  it.each([
    ['not a list', { port: 1 }, []],
    ['a good entry', [good], [good]],
    ['a LAN host', [{ ...good, host: '192.168.1.5' }], []],
    ['a port out of range', [{ ...good, port: 70_000 }], []],
    ['a tool not in the table', [{ ...good, scan: { tool: 'evil', title: null, at: 1 } }], [good]],
    ['nothing seen', [{ ...good, page: null }], []],
    ['the same port twice', [good, { ...good, host: '127.0.0.1' }], [good]],
  ])('%s', (_, raw, apps) => {
    expect(readApps(raw)).toEqual(apps);
  });

  it('the fullest list fits its byte budget', () => {
    const long = 'x'.repeat(10_000);
    const raw = Array.from({ length: 100 }, (_, index) => ({
      port: index + 1,
      host: `${'a'.repeat(60)}.${'b'.repeat(60)}.${'c'.repeat(60)}.${'d'.repeat(50)}.localhost`,
      page: { title: long, at: Number.MAX_SAFE_INTEGER },
      scan: { tool: 'webpack-dev-server', title: long, at: Number.MAX_SAFE_INTEGER },
      before: { tool: 'webpack-dev-server', title: long, at: Number.MAX_SAFE_INTEGER },
    }));
    const apps = readApps(raw);
    expect(apps).toHaveLength(MAX_APPS);
    expect(byteLength(apps)).toBeLessThanOrEqual(MAX_APPS_BYTES);
    expect(appOn(apps, 1)?.page?.title).toHaveLength(TITLE_LENGTH);
  });
});

describe('pageTitle: a tab with no <title> shows its address, which names no app', () => {
  it.each([
    ['shop', 'http://localhost:5173/', 'shop'],
    ['  shop  ', 'http://localhost:5173/', 'shop'],
    ['localhost:5173/', 'http://localhost:5173/', null],
    ['localhost:5173', 'http://localhost:5173/', null],
    ['http://localhost:5173/', 'http://localhost:5173/', null],
    ['', 'http://localhost:5173/', null],
    [undefined, 'http://localhost:5173/', null],
  ])('%j on %s', (title, url, name) => {
    expect(pageTitle(title, url)).toBe(name);
  });
});

describe('projectDevServer: the move commands start on the tool found serving the latest app', () => {
  const app = (port: number, tool: string | null, at: number): App => ({
    port,
    host: 'localhost',
    page: null,
    scan: { tool, title: null, at },
    before: null,
  });
  it.each([
    ['nothing remembered', [], null],
    ['a Vite app', [app(5173, 'vite', 1)], 'vite'],
    ['the latest of two', [app(5173, 'vite', 1), app(8000, 'django', 2)], 'django'],
    ['SvelteKit runs on Vite', [app(5173, 'sveltekit', 1)], 'vite'],
    ['a server with no tool named', [app(8080, null, 3), app(3000, 'next', 1)], 'next'],
    ['a tool with no move commands', [app(11434, 'ollama', 1)], null],
  ] as const)('%s', (_, apps, tool) => {
    expect(projectDevServer(apps)).toBe(tool);
  });
});
