import { describe, expect, it } from 'vitest';
import { enginesBlocking } from '../ports/blocked.ts';
import { DEV_PORTS, MAX_SCAN_PORTS, nextPorts, scanPlan, usualTools } from './dev-ports.ts';
import { candidates, TITLE_LENGTH, titleOf, TOOLS, type Observed } from './fingerprints.ts';
import type { App } from './apps.ts';
import { TOOL_IDS } from './tool-ids.ts';
import { BEFORE_NEWS_MS, foundOf, runningRows, tabApp } from './running.ts';
import { PARALLEL, readStart, scanLoopback, type Answer } from './scan.ts';

const page = (body: string, headers: Record<string, string> = {}, status = 200): Observed => ({
  status,
  redirected: false,
  headers,
  body,
});

describe('fingerprints: the first tool whose marker is in the answer', () => {
  // Each marker as the tool's own source writes it (the source is in the row of fingerprints.ts).
  it.each([
    ['vite', page('<head><script type="module" src="/@vite/client"></script>')],
    ['vite', page('<script type="module" src="/base/@vite/client"></script>')],
    ['nuxt', page('<div id="__nuxt"></div><script type="module" src="/_nuxt/@vite/client">')],
    ['nuxt', page('{}', { 'x-powered-by': 'Nuxt' })],
    ['sveltekit', page('<script>__sveltekit_dev = {}</script>', { 'x-sveltekit-page': 'true' })],
    [
      'astro',
      page(
        '<script type="module" src="/@vite/client"></script><script src="/@id/astro/runtime/client/dev-toolbar/entrypoint.js">',
      ),
    ],
    ['react-router', page('<script>window.__reactRouterContext = {}</script>')],
    ['remix', page('<script>window.__remixContext = {}</script>')],
    ['angular', page('<script type="module" src="/@vite/client"></script><app-root></app-root>')],
    [
      'next',
      page('<script id="__NEXT_DATA__" type="application/json">{}</script>', { 'x-powered-by': 'Next.js' }),
    ],
    ['next', page('<script>self.__next_f.push([1,""])</script>')],
    [
      'create-react-app',
      page('<meta name="description" content="Web site created using create-react-app"/>'),
    ],
    ['gatsby', page('<div id="___gatsby"></div>')],
    ['docusaurus', page('<div id="__docusaurus"></div>')],
    ['eleventy', page('<script type="module" src="/.11ty/reload-client.js"></script>')],
    [
      'hugo',
      page(
        '<script src="/livereload.js?mindelay=10&amp;v=2&amp;port=1313&amp;path=livereload" data-no-instant defer></script>',
      ),
    ],
    ['live-server', page('<!-- Code injected by live-server -->')],
    ['browsersync', page('<script id="__bs_script__">')],
    ['flask', page('<p>Hello</p>', { server: 'Werkzeug/3.0.1 Python/3.12.4' })],
    [
      'django',
      page('<title>The install worked successfully!</title>', { server: 'WSGIServer/0.2 CPython/3.11.2' }),
    ],
    ['uvicorn', page('{"detail":"Not Found"}', { server: 'uvicorn' }, 404)],
    [
      'python-http-server',
      page('<title>Directory listing for /</title>', { server: 'SimpleHTTP/0.6 Python/3.11.2' }),
    ],
    [
      'http-server',
      page(
        '<address>Node.js v24.2.0/ <a href="https://github.com/http-party/http-server">http-server</a> server running @ 127.0.0.1:8080</address>',
      ),
    ],
    ['ollama', page('Ollama is running', { 'content-type': 'text/plain; charset=utf-8' })],
    ['airplay', page('', { server: 'AirTunes/860.7.1' }, 403)],
    ['php', page('<p>hi</p>', { 'x-powered-by': 'PHP/8.3.6' })],
  ] as const)('%s', (tool, seen) => {
    expect(candidates(seen)[0]?.id).toBe(tool);
  });

  it('Express may be webpack-dev-server: both are candidates, the dev server first, to be confirmed', () => {
    expect(candidates(page('<p>app</p>', { 'x-powered-by': 'Express' })).map((tool) => tool.id)).toEqual([
      'webpack-dev-server',
      'express',
    ]);
  });

  it('a redirect is asked whether it is Jupyter (its version endpoint); nothing else is guessed', () => {
    const seen = { status: 0, redirected: true, headers: {}, body: '' };
    expect(candidates(seen).map((tool) => tool.id)).toEqual(['jupyter']);
  });

  it.each([
    ['a page with no marker', page('<title>My app</title><div id="root"></div>')],
    ['a port number is no evidence', page('<title>localhost:5173</title>')],
    ['a marker in a header it does not belong to', page('', { server: 'Express' })],
    ['an empty answer', page('')],
  ])('names nothing: %s', (_what, seen) => {
    expect(candidates(seen)).toEqual([]);
  });

  it('tool-ids.ts lists the ids of the table, in its order', () => {
    expect(TOOL_IDS).toEqual(TOOLS.map((tool) => tool.id));
  });

  it('every row has a source and a name, and ids are unique', () => {
    for (const tool of TOOLS) {
      expect(tool.source.length, tool.id).toBeGreaterThan(10);
      expect(tool.name.trim(), tool.id).not.toBe('');
      expect(tool.markers.length, tool.id).toBeGreaterThan(0);
    }
    expect(new Set(TOOLS.map((tool) => tool.id)).size).toBe(TOOLS.length);
  });
});

describe('titleOf: the title a tab would show', () => {
  it.each([
    ['<title>shop</title>', 'shop'],
    ['<TITLE lang="en">  Vite +\n   React </TITLE>', 'Vite + React'],
    ['<title>Tom &amp; Jerry &#8211; &#x263A; &lt;b&gt;</title>', 'Tom & Jerry – ☺ <b>'],
    ['<title></title>', null],
    ['<title>   </title>', null],
    ['<h1>no title</h1>', null],
    ['<title>unclosed', null],
    ['<title>&#0; &#99999999; &bogus;</title>', '&#0; &#99999999; &bogus;'],
  ])('%j', (html, title) => {
    expect(titleOf(html)).toBe(title);
  });

  it(`keeps at most ${TITLE_LENGTH} characters`, () => {
    const title = titleOf(`<title>${'x'.repeat(500)}</title>`)!;
    expect(title).toHaveLength(TITLE_LENGTH);
    expect(title.endsWith('…')).toBe(true);
  });
});

describe('scanPlan: the ports to ask', () => {
  it('every tool default, none a browser refuses, none twice, within the cap; next ports wait for an answer', () => {
    const plan = scanPlan();
    for (const { port } of DEV_PORTS) expect(plan).toContain(port);
    expect(plan).not.toContain(5174);
    expect(nextPorts(5173)).toEqual([5174, 5175, 5176, 5177, 5178, 5179, 5180]);
    expect(nextPorts(3000)).toContain(3009);
    expect(nextPorts(5174)).toEqual([]);
    expect(new Set(plan).size).toBe(plan.length);
    expect(plan.every((port) => enginesBlocking(port).length === 0)).toBe(true);
    expect(plan.length).toBeLessThanOrEqual(MAX_SCAN_PORTS);
    expect(plan.length).toBeGreaterThan(20);
  });

  it("the user's own ports first, then the history's; blocked and invalid ones left out", () => {
    const plan = scanPlan([9999, 6000, 0, 70000, 1.5], [4444, 9999]);
    expect(plan.slice(0, 2)).toEqual([9999, 4444]);
    for (const port of [6000, 0, 70000, 1.5]) expect(plan).not.toContain(port);
  });

  it('never more than the cap, however many ports the user has', () => {
    const many = Array.from({ length: 1000 }, (_, index) => 20000 + index);
    expect(scanPlan(many)).toHaveLength(MAX_SCAN_PORTS);
  });

  it('"usually" names the tools whose default a port is, and only those', () => {
    expect(usualTools(5173)).toEqual(['Vite']);
    expect(usualTools(5174)).toEqual([]);
    expect(usualTools(8000)).toContain('Django');
  });
});

const answer = (port: number, address: Answer['address'], extra: Partial<Answer> = {}): Answer => ({
  port,
  address,
  tool: 'vite',
  title: 'shop',
  status: 200,
  redirected: false,
  ...extra,
});

describe('runningRows: one row per port, split when the addresses disagree', () => {
  it('both addresses alike: one row, opened as localhost', () => {
    expect(runningRows([answer(5173, '[::1]'), answer(5173, '127.0.0.1')])).toEqual([
      {
        port: 5173,
        addresses: ['127.0.0.1', '[::1]'],
        differs: false,
        tool: 'vite',
        toolName: 'Vite',
        title: 'shop',
        usually: [],
        url: 'http://localhost:5173/',
      },
    ]);
  });

  it('only ::1 answers: one row that says so, opened on that address', () => {
    expect(runningRows([answer(5173, '[::1]')])[0]).toMatchObject({
      addresses: ['[::1]'],
      differs: false,
      url: 'http://[::1]:5173/',
    });
  });

  it('two apps on one port, one per address: a row each, marked', () => {
    const rows = runningRows([
      answer(3000, '127.0.0.1', { tool: 'next', title: 'admin' }),
      answer(3000, '[::1]', { tool: 'vite', title: 'shop' }),
    ]);
    expect(rows.map((row) => [row.addresses, row.toolName, row.differs])).toEqual([
      [['127.0.0.1'], 'Next.js', true],
      [['[::1]'], 'Vite', true],
    ]);
  });

  it('sorted by port; an unnamed server keeps its title', () => {
    const rows = runningRows([
      answer(8000, '127.0.0.1', { tool: null, title: 'Files' }),
      answer(3000, '127.0.0.1'),
    ]);
    expect(rows.map((row) => row.port)).toEqual([3000, 8000]);
    expect(rows[1]).toMatchObject({ tool: null, toolName: null, title: 'Files' });
  });

  it('an unnamed server on a tool\'s default port: "usually" that tool, never named as it', () => {
    const rows = runningRows([
      answer(5173, '127.0.0.1', { tool: null, title: null }),
      answer(5174, '127.0.0.1', { tool: null, title: null }),
      answer(6006, '127.0.0.1'),
    ]);
    expect(rows.map((row) => [row.port, row.toolName, row.usually])).toEqual([
      [5173, null, ['Vite']],
      [5174, null, []],
      [6006, 'Vite', []],
    ]);
  });
});

describe('the scan itself, with a stand-in fetch', () => {
  const html = (body: string, headers: Record<string, string> = {}) => new Response(body, { headers });

  it('reads at most the first 16 KB of a body', async () => {
    const big = new Response('a'.repeat(100_000));
    expect(await readStart(big, 16 * 1024)).toHaveLength(16 * 1024);
  });

  it('asks both loopback addresses of each port, never any other host, with no credentials and no redirect', async () => {
    const asked: { url: string; init: RequestInit }[] = [];
    const fetcher = async (url: string, init: RequestInit) => {
      asked.push({ url, init });
      if (url === 'http://127.0.0.1:5173/') return html('<title>shop</title><script src="/@vite/client">');
      throw new TypeError('Failed to fetch');
    };
    const found: Answer[] = [];
    await scanLoopback(fetcher, [5173, 3000], (one) => found.push(one), new AbortController().signal);
    expect(asked.map((request) => request.url).sort()).toEqual([
      'http://127.0.0.1:3000/',
      'http://127.0.0.1:5173/',
      'http://[::1]:3000/',
      'http://[::1]:5173/',
    ]);
    for (const { init } of asked) expect(init).toMatchObject({ credentials: 'omit', redirect: 'manual' });
    expect(found).toEqual([
      { port: 5173, address: '127.0.0.1', tool: 'vite', title: 'shop', status: 200, redirected: false },
    ]);
  });

  it('confirms webpack-dev-server by its assets report, else it is Express', async () => {
    const fetcher = async (url: string) => {
      if (url === 'http://127.0.0.1:8080/') return html('<title>wds</title>', { 'x-powered-by': 'Express' });
      if (url === 'http://127.0.0.1:8080/webpack-dev-server') return html('<h1>Assets Report:</h1>');
      if (url === 'http://127.0.0.1:3000/') return html('<title>api</title>', { 'x-powered-by': 'Express' });
      throw new TypeError('Failed to fetch');
    };
    const found: Answer[] = [];
    await scanLoopback(fetcher, [8080, 3000], (one) => found.push(one), new AbortController().signal);
    expect(Object.fromEntries(found.map((one) => [one.port, one.tool]))).toEqual({
      8080: 'webpack-dev-server',
      3000: 'express',
    });
  });

  it('stops asking once the page is gone', async () => {
    const stop = new AbortController();
    let asked = 0;
    const fetcher = async () => {
      asked++;
      stop.abort();
      throw new TypeError('Failed to fetch');
    };
    await scanLoopback(fetcher, scanPlan(), () => undefined, stop.signal);
    expect(asked).toBeLessThanOrEqual(PARALLEL);
  });

  it("asks a tool's next ports once its default answers, each once, and only then", async () => {
    const asked: string[] = [];
    const up = new Set(['http://127.0.0.1:5173/', 'http://127.0.0.1:5174/']);
    const fetcher = async (url: string) => {
      asked.push(url);
      if (!up.has(url)) throw new TypeError('Failed to fetch');
      return html('<title>shop</title><script type="module" src="/@vite/client"></script>');
    };
    const found: Answer[] = [];
    await scanLoopback(
      fetcher,
      [5173, 3000],
      (one) => found.push(one),
      new AbortController().signal,
      nextPorts,
    );
    expect(found.map((one) => one.port)).toEqual([5173, 5174]);
    expect(asked.filter((url) => url.includes(':5175/'))).toHaveLength(2);
    expect(asked.filter((url) => url.includes(':3001/'))).toHaveLength(0);
    expect(new Set(asked).size).toBe(asked.length);
  });
});

describe('tabApp: what the popup says of its tab', () => {
  const NOW = Date.UTC(2026, 11, 6);
  const rows = runningRows([
    answer(3000, '127.0.0.1', { tool: 'next', title: 'admin' }),
    answer(3000, '[::1]', { tool: 'next', title: 'admin' }),
  ]);
  const app = (before: App['before']): App => ({
    port: 3000,
    host: 'localhost',
    page: { title: 'Dashboard · admin', at: NOW },
    scan: null,
    before,
  });
  const shop = { tool: 'vite', title: 'shop' };

  it.each([
    ['a website', 'https://example.com/', rows, [], null],
    [
      'a page the scan named',
      'http://localhost:3000/users',
      rows,
      [],
      { toolName: 'Next.js', title: 'admin' },
    ],
    [
      'a page the scan did not reach, opened before',
      'http://localhost:3000/',
      [],
      [app(null)],
      { toolName: null, title: 'Dashboard · admin' },
    ],
    ['a page nothing is known of', 'http://127.0.0.1:3000/', [], [], null],
  ] as const)('%s', (_, url, found, apps, now) => {
    const tab = tabApp(url, found, apps, NOW);
    expect(tab?.now ?? null).toEqual(now);
  });

  it('another app on the port this week: said, with its name and when', () => {
    expect(tabApp('http://localhost:3000/', rows, [app({ ...shop, at: NOW - 86_400_000 })], NOW)).toEqual({
      place: 'localhost:3000',
      now: { toolName: 'Next.js', title: 'admin' },
      before: { toolName: 'Vite', title: 'shop', at: NOW - 86_400_000 },
    });
  });

  it('another app longer ago than a week: history, not news', () => {
    expect(
      tabApp('http://localhost:3000/', rows, [app({ ...shop, at: NOW - BEFORE_NEWS_MS })], NOW)?.before,
    ).toBeNull();
  });

  it('foundOf: one per port, the IPv4 answer first', () => {
    expect(
      foundOf([
        answer(3000, '[::1]', { tool: 'vite', title: 'v6' }),
        answer(3000, '127.0.0.1', { tool: 'next', title: 'v4' }),
        answer(8000, '[::1]', { tool: null, title: null }),
      ]),
    ).toEqual([
      { port: 3000, tool: 'next', title: 'v4' },
      { port: 8000, tool: null, title: null },
    ]);
  });
});
