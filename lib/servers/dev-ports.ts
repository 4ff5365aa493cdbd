/**
 * The ports a scan of this machine asks: each tool's default and the ports it moves to when that one is taken,
 * as the tool's own code or documentation says. A port here is where to look, never what names a server
 * (fingerprints.ts does that).
 */
import { enginesBlocking } from '../ports/blocked.ts';

export interface DevPort {
  /** Who uses it, as a proper noun. */
  tool: string;
  port: number;
  /** How many ports after it the tool takes when it is busy (0: it fails, asks, or picks a random one). */
  next: number;
  source: string;
}

export const DEV_PORTS: readonly DevPort[] = [
  // Port N is in use, trying another one: N+1, without end (httpServerStart).
  { tool: 'Vite', port: 5173, next: 7, source: 'vitejs/vite packages/vite/src/node/http.ts; constants.ts' },
  { tool: 'Vite preview', port: 4173, next: 3, source: 'vitejs/vite packages/vite/src/node/constants.ts' },
  {
    tool: 'Astro',
    port: 4321,
    next: 4,
    source: 'withastro/astro packages/astro/src/core/config/schemas/defaults.ts',
  },
  // Nuxt moves within 3000-3100; Next.js dev tries N+1 ten times.
  {
    tool: 'Nuxt',
    port: 3000,
    next: 10,
    source: 'nuxt/cli packages/nuxt-cli/src/dev/listen.ts (resolvePort)',
  },
  {
    tool: 'Next.js',
    port: 3000,
    next: 10,
    source: 'vercel/next.js packages/next/src/server/lib/start-server.ts',
  },
  {
    tool: 'Create React App',
    port: 3000,
    next: 1,
    source: 'facebook/create-react-app packages/react-dev-utils/WebpackDevServerUtils.js (choosePort)',
  },
  {
    tool: 'Angular CLI',
    port: 4200,
    next: 0,
    source: 'angular/angular-cli packages/angular/build/src/utils/check-port.ts',
  },
  {
    tool: 'Storybook',
    port: 6006,
    next: 2,
    source: 'storybookjs/storybook code/core/src/core-server/build-dev.ts',
  },
  { tool: 'Parcel', port: 1234, next: 0, source: 'parcel-bundler/parcel packages/core/parcel/src/cli.js' },
  {
    tool: 'Gatsby',
    port: 8000,
    next: 1,
    source: 'gatsbyjs/gatsby packages/gatsby/src/utils/detect-port-in-use-and-prompt.ts',
  },
  {
    tool: 'Eleventy',
    port: 8080,
    next: 10,
    source: '11ty/eleventy-dev-server server.js (portReassignmentRetryCount)',
  },
  { tool: 'Hugo', port: 1313, next: 0, source: 'gohugoio/hugo commands/server.go' },
  { tool: 'Jekyll', port: 4000, next: 0, source: 'jekyll/jekyll lib/jekyll/configuration.rb' },
  {
    tool: 'Django',
    port: 8000,
    next: 0,
    source: 'django/django django/core/management/commands/runserver.py',
  },
  { tool: 'Flask', port: 5000, next: 0, source: 'pallets/flask src/flask/cli.py' },
  { tool: 'uvicorn', port: 8000, next: 0, source: 'encode/uvicorn uvicorn/config.py' },
  {
    tool: 'Rails',
    port: 3000,
    next: 0,
    source: 'rails/rails railties/lib/rails/commands/server/server_command.rb',
  },
  {
    tool: 'Laravel',
    port: 8000,
    next: 10,
    source: 'laravel/framework src/Illuminate/Foundation/Console/ServeCommand.php (--tries)',
  },
  {
    tool: 'Spring Boot',
    port: 8080,
    next: 0,
    source:
      'https://docs.spring.io/spring-boot/appendix/application-properties/index.html#application-properties.server.server.port',
  },
  {
    tool: 'Jupyter',
    port: 8888,
    next: 10,
    source: 'jupyter-server/jupyter_server jupyter_server/serverapp.py (port_retries)',
  },
  { tool: 'Expo', port: 8081, next: 1, source: 'expo/expo packages/@expo/cli/src/utils/port.ts' },
  {
    tool: 'python -m http.server',
    port: 8000,
    next: 0,
    source: 'https://docs.python.org/3/library/http.server.html',
  },
  { tool: 'serve', port: 3000, next: 0, source: 'vercel/serve source/utilities/cli.ts' },
  {
    tool: 'http-server',
    port: 8080,
    next: 10,
    source: 'http-party/http-server bin/http-server (portfinder)',
  },
  { tool: 'Express', port: 3000, next: 0, source: 'expressjs/generator templates/js/www.ejs (PORT or 3000)' },
  { tool: 'webpack-dev-server', port: 8080, next: 10, source: 'webpack/webpack-dev-server lib/getPort.js' },
  { tool: 'Live Server', port: 5500, next: 5, source: 'ritwickdey/vscode-live-server src/appModel.ts' },
  {
    tool: 'Browsersync',
    port: 3000,
    next: 1,
    source: 'BrowserSync/browser-sync packages/browser-sync/lib/default-config.js',
  },
  {
    tool: 'wrangler',
    port: 8787,
    next: 0,
    source: 'https://developers.cloudflare.com/workers/wrangler/commands/#dev',
  },
  {
    tool: 'Firebase Emulator UI',
    port: 4000,
    next: 0,
    source: 'https://firebase.google.com/docs/emulator-suite/install_and_configure',
  },
  {
    tool: 'Firebase Hosting emulator',
    port: 5000,
    next: 0,
    source: 'https://firebase.google.com/docs/emulator-suite/install_and_configure',
  },
  {
    tool: 'Supabase API',
    port: 54321,
    next: 0,
    source: 'https://supabase.com/docs/guides/local-development/cli/config',
  },
  {
    tool: 'Supabase Studio',
    port: 54323,
    next: 0,
    source: 'https://supabase.com/docs/guides/local-development/cli/config',
  },
  {
    tool: 'Streamlit',
    port: 8501,
    next: 0,
    source: 'https://docs.streamlit.io/develop/api-reference/configuration/config.toml',
  },
  { tool: 'Gradio', port: 7860, next: 0, source: 'https://www.gradio.app/guides/environment-variables' },
  { tool: 'Ollama', port: 11434, next: 0, source: 'ollama/ollama envconfig/config.go' },
  { tool: 'Mailpit', port: 8025, next: 0, source: 'axllent/mailpit config/config.go' },
  { tool: 'Phoenix', port: 4000, next: 0, source: 'https://hexdocs.pm/phoenix/up_and_running.html' },
];

/** The most ports one scan asks (on each loopback address). */
export const MAX_SCAN_PORTS = 200;

const isPort = (port: number) => Number.isInteger(port) && port >= 1 && port <= 65535;

const askable = (port: number) => isPort(port) && enginesBlocking(port).length === 0;

/**
 * The ports to ask first, in order: the user's own (their list, then the ports of their history), then every
 * tool's default. A tool's next ports are asked only once its default answers (nextPorts): it moves on only when
 * the default is taken. No port a browser refuses (no request could reach it), none twice, at most
 * MAX_SCAN_PORTS.
 */
export function scanPlan(own: readonly number[] = [], seen: readonly number[] = []): number[] {
  const planned = new Set<number>();
  for (const port of [...own, ...seen, ...DEV_PORTS.map((row) => row.port)])
    if (planned.size < MAX_SCAN_PORTS && askable(port)) planned.add(port);
  return [...planned];
}

/** The ports a tool moves to when `port`, its default, is taken: asked once `port` answers. */
export function nextPorts(port: number): number[] {
  const next = new Set<number>();
  for (const row of DEV_PORTS)
    if (row.port === port)
      for (let offset = 1; offset <= row.next; offset++) if (askable(port + offset)) next.add(port + offset);
  return [...next];
}

/** The tools whose default is `port`, for "usually X's port" where nothing in the answer names one. */
export function usualTools(port: number): string[] {
  return [...new Set(DEV_PORTS.filter((row) => row.port === port).map((row) => row.tool))];
}
