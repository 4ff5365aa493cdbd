/**
 * What names a local web server: one row per tool, each marker a string or header the tool itself puts in its
 * answer, with the file (or page) of the tool that puts it there. A port number is never evidence: a server whose
 * answer matches no row is "a web server", with its title. Rows are tried in order, the more specific first
 * (a framework's own marker before the Vite it runs on; webpack-dev-server before the Express it is built on).
 */

/** What a scan saw of one answer: its status, headers (lower-case names) and the first bytes of its body. */
export interface Observed {
  status: number;
  /** The request was redirected and not followed (an extension page sees no Location: an opaque redirect). */
  redirected: boolean;
  headers: Readonly<Record<string, string>>;
  body: string;
}

export type Marker =
  | { header: string; value: RegExp }
  /** The answer was a redirect (whose target an extension page cannot read). */
  | { redirect: true }
  | { body: string }
  /** Every marker of the list, in one answer. */
  | { all: readonly Marker[] };

/** A second, same-origin request that settles a name the first answer only suggests. */
export interface Confirmation {
  path: string;
  /** What the confirming answer's body contains. */
  body: RegExp;
}

export interface Tool {
  id: string;
  /** A proper noun, shown as is in every language. */
  name: string;
  /** Any one of these names the tool, unless `confirm` is given: then they only ask the confirming request. */
  markers: readonly Marker[];
  confirm?: Confirmation;
  /** Where each marker comes from: the tool's own source file or documentation. */
  source: string;
}

const header = (name: string, value: RegExp): Marker => ({ header: name, value });
const body = (text: string): Marker => ({ body: text });

export const TOOLS: readonly Tool[] = [
  {
    id: 'nuxt',
    name: 'Nuxt',
    // `x-powered-by: Nuxt` in 3.0 through 4.x; Vite's client under the build assets dir `/_nuxt/`.
    markers: [header('x-powered-by', /^Nuxt\b/i), body('/_nuxt/@vite/client'), body('<div id="__nuxt"')],
    source:
      'nuxt/nuxt packages/nitro-server/src/runtime/handlers/renderer.ts; packages/schema/src/config/app.ts (buildAssetsDir, rootId)',
  },
  {
    id: 'sveltekit',
    name: 'SvelteKit',
    markers: [header('x-sveltekit-page', /^true$/), body('__sveltekit_')],
    source:
      'sveltejs/kit packages/kit/src/runtime/server/page/render.js; runtime/server/utils.js (get_global_name)',
  },
  {
    id: 'astro',
    name: 'Astro',
    markers: [body('/@id/astro/'), body('__astro_dev_toolbar__'), body('data-astro-cid-')],
    source:
      'withastro/astro packages/astro/src/core/environment/dev-nonrunnable.ts (the dev toolbar entrypoint)',
  },
  {
    id: 'react-router',
    name: 'React Router',
    markers: [body('window.__reactRouterContext'), body('virtual:react-router/')],
    source:
      'remix-run/react-router packages/react-router/lib/dom/ssr/components.tsx; react-router-dev/vite/plugin.ts',
  },
  {
    id: 'remix',
    name: 'Remix',
    markers: [body('window.__remixContext')],
    source: 'remix-run/remix packages/remix-react/components.tsx',
  },
  {
    id: 'angular',
    name: 'Angular',
    // `ng serve` (v17+) serves its index through Vite; `ng-version` is set at run time, never in the answer.
    markers: [{ all: [body('/@vite/client'), body('<app-root')] }],
    source:
      'angular/angular-cli packages/angular/build/src/tools/vite/middlewares/index-html-middleware.ts; packages/schematics/angular/application/files (index.html.template)',
  },
  {
    id: 'vite',
    name: 'Vite',
    markers: [body('/@vite/client')],
    source:
      'vitejs/vite packages/vite/src/node/constants.ts (CLIENT_PUBLIC_PATH); server/middlewares/indexHtml.ts',
  },
  {
    id: 'next',
    name: 'Next.js',
    markers: [
      header('x-powered-by', /^Next\.js\b/),
      body('/_next/static/'),
      body('id="__NEXT_DATA__"'),
      body('self.__next_f'),
    ],
    source:
      'https://nextjs.org/docs/app/api-reference/config/next-config-js/poweredByHeader; vercel/next.js packages/next/src/pages/_document.tsx (__NEXT_DATA__)',
  },
  {
    id: 'create-react-app',
    name: 'Create React App',
    markers: [body('Web site created using create-react-app'), body('/static/js/bundle.js')],
    source:
      'facebook/create-react-app packages/cra-template/template/public/index.html; packages/react-scripts/config/webpack.config.js',
  },
  {
    id: 'gatsby',
    name: 'Gatsby',
    markers: [body('id="___gatsby"')],
    source: 'gatsbyjs/gatsby packages/gatsby/cache-dir/develop-static-entry.js',
  },
  {
    id: 'docusaurus',
    name: 'Docusaurus',
    markers: [body('id="__docusaurus"'), body('content="Docusaurus')],
    source: 'facebook/docusaurus packages/docusaurus/src/webpack/templates/dev.html.template.ejs',
  },
  {
    id: 'eleventy',
    name: 'Eleventy',
    markers: [body('/.11ty/reload-client.js')],
    source: '11ty/eleventy-dev-server server.js',
  },
  {
    id: 'hugo',
    name: 'Hugo',
    markers: [body('/livereload.js?mindelay=10')],
    source: 'gohugoio/hugo transform/livereloadinject/livereloadinject.go',
  },
  {
    id: 'live-server',
    name: 'Live Server',
    markers: [body('<!-- Code injected by live-server -->')],
    source: 'ritwickdey/vscode-live-server lib/live-server/injected.html',
  },
  {
    id: 'browsersync',
    name: 'Browsersync',
    markers: [body('id="__bs_script__"')],
    source: 'BrowserSync/browser-sync packages/browser-sync/templates/script-tags.html',
  },
  {
    id: 'jupyter',
    name: 'Jupyter',
    // Its `/` redirects (to /tree, /lab or /login): the version endpoint, open without a token, says what it is.
    markers: [{ redirect: true }, header('server', /^TornadoServer\//)],
    confirm: { path: '/api', body: /^\s*\{\s*"version"\s*:/ },
    source: 'jupyter-server/jupyter_server jupyter_server/base/handlers.py (APIVersionHandler)',
  },
  {
    id: 'flask',
    name: 'Flask',
    // Werkzeug's development server: what `flask run` starts.
    markers: [header('server', /^Werkzeug\//)],
    source: 'pallets/werkzeug src/werkzeug/serving.py (server_version); pallets/flask src/flask/cli.py',
  },
  {
    id: 'django',
    name: 'Django',
    // wsgiref's server, which `manage.py runserver` runs on.
    markers: [header('server', /^WSGIServer\//)],
    source:
      'django/django django/core/servers/basehttp.py (WSGIServer); python/cpython Lib/wsgiref/simple_server.py (server_version)',
  },
  {
    id: 'uvicorn',
    name: 'uvicorn',
    markers: [header('server', /^uvicorn$/)],
    source: 'encode/uvicorn uvicorn/config.py (server_header); uvicorn/protocols/http/h11_impl.py',
  },
  {
    id: 'python-http-server',
    name: 'python -m http.server',
    markers: [header('server', /^SimpleHTTP\//)],
    source: 'python/cpython Lib/http/server.py (SimpleHTTPRequestHandler.server_version)',
  },
  {
    id: 'http-server',
    name: 'http-server',
    markers: [body('">http-server</a> server running @')],
    source: 'http-party/http-server lib/core/show-dir/index.js (the listing footer)',
  },
  {
    id: 'ollama',
    name: 'Ollama',
    markers: [body('Ollama is running')],
    source: 'ollama/ollama server/routes.go',
  },
  {
    id: 'airplay',
    name: 'AirPlay Receiver',
    markers: [header('server', /^AirTunes\//)],
    // macOS 12+ on 5000 and 7000: 403 with `Server: AirTunes/<version>` (pallets/flask docs/server.rst, lektor/lektor#1160).
    source: 'pallets/flask docs/server.rst; lektor/lektor#1160',
  },
  {
    id: 'webpack-dev-server',
    name: 'webpack-dev-server',
    // Built on Express: its assets report (v4+) tells it from a plain Express app.
    markers: [header('x-powered-by', /^Express$/)],
    confirm: { path: '/webpack-dev-server', body: /<h1>Assets Report:<\/h1>/ },
    source: 'webpack/webpack-dev-server lib/Server.js (the webpack-dev-server assets route)',
  },
  {
    id: 'express',
    name: 'Express',
    markers: [header('x-powered-by', /^Express$/)],
    source: 'expressjs/express lib/application.js (x-powered-by, on by default)',
  },
  {
    id: 'php',
    name: 'PHP',
    markers: [header('x-powered-by', /^PHP\//)],
    source: 'https://www.php.net/manual/en/ini.core.php#ini.expose-php',
  },
];

export type ToolId = (typeof TOOLS)[number]['id'];

/** A tool's name, as shown (a proper noun), or null for an id not in the table. */
export function toolName(id: string | null): string | null {
  return TOOLS.find((tool) => tool.id === id)?.name ?? null;
}

function matches(marker: Marker, seen: Observed): boolean {
  if ('all' in marker) return marker.all.every((part) => matches(part, seen));
  if ('redirect' in marker) return seen.redirected;
  if ('body' in marker) return seen.body.includes(marker.body);
  const value = seen.headers[marker.header];
  return value !== undefined && marker.value.test(value.trim());
}

/** The tools an answer points to, in the table's order: the first that needs no confirmation ends the list. */
export function candidates(seen: Observed): readonly Tool[] {
  const found: Tool[] = [];
  for (const tool of TOOLS) {
    if (!tool.markers.some((marker) => matches(marker, seen))) continue;
    found.push(tool);
    if (!tool.confirm) break;
  }
  return found;
}

/** Whether a confirming answer settles the tool. */
export function confirmed(tool: Tool, answer: string): boolean {
  return tool.confirm !== undefined && tool.confirm.body.test(answer);
}

import { TITLE_LENGTH } from './tool-ids.ts';

export { TITLE_LENGTH };

const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

/** The page's `<title>`, as the browser would show it in a tab (entities decoded, spaces collapsed), or null. */
export function titleOf(html: string): string | null {
  const match = /<title[^>]*>([\s\S]*?)<\/title\s*>/i.exec(html);
  if (!match) return null;
  const text = (match[1] ?? '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
      if (name[0] === '#') {
        const code =
          name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
      }
      return ENTITIES[name.toLowerCase()] ?? whole;
    })
    .replace(/\s+/g, ' ')
    .trim();
  if (text === '') return null;
  return text.length > TITLE_LENGTH ? `${text.slice(0, TITLE_LENGTH - 1)}…` : text;
}
