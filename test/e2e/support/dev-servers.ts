/**
 * The real dev servers Port Doctor must name (issue #25), each started by the tool's own command on a free
 * port of 127.0.0.1, from a scratch copy of a minimal app in test/dev-servers/apps (some tools write into their
 * project). Installed by scripts/install-dev-servers.sh (`./run` does it): the npm tools in
 * test/dev-servers/node_modules, Django, Flask and Jupyter Notebook from Debian's packages.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort, startTool, type Tool } from './processes.ts';
import { startPythonHttpServer, startVite } from './real-servers.ts';

const ROOT = resolve(import.meta.dirname, '../../dev-servers');
const MODULES = join(ROOT, 'node_modules');
const RUNS = join(ROOT, '.runs');
/** Debian's Python, which has the packaged Django, Flask and Notebook (a pyenv or venv python3 may not). */
const SYSTEM_PYTHON = '/usr/bin/python3';

/**
 * A scratch copy of one of test/dev-servers/apps, inside test/dev-servers (gitignored .runs/), so that the tools
 * find their node_modules as in a real project: Next.js and Astro failed to render with it symlinked in from
 * elsewhere (their bundlers resolve the link's real path, outside the project).
 */
function project(app: string): string {
  mkdirSync(RUNS, { recursive: true });
  const dir = mkdtempSync(join(RUNS, `${app}-`));
  cpSync(join(ROOT, 'apps', app), dir, { recursive: true });
  return dir;
}

/** Starts a tool in its scratch project, which goes with it when it stops. */
async function inProject(app: string, start: (dir: string) => Promise<Tool>): Promise<Tool> {
  const dir = project(app);
  const tool = await start(dir);
  return {
    ...tool,
    stop: async () => {
      await tool.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const bin = (path: string) => join(MODULES, path);

export interface RealServer {
  /** Its row in lib/servers/fingerprints.ts (null: none, "a web server"). */
  id: string | null;
  /** As the popup names it, and the title of its page. */
  tool: string;
  title: string;
  start(): Promise<Tool>;
}

export const REAL_SERVERS: readonly RealServer[] = [
  { id: 'vite', tool: 'Vite', title: 'shop', start: () => startVite({ title: 'shop' }) },
  {
    id: 'next',
    tool: 'Next.js',
    title: 'dashboard',
    start: () =>
      inProject('next', async (dir) => {
        const port = await freePort();
        const args = [bin('next/dist/bin/next'), 'dev', '-p', String(port), '-H', '127.0.0.1'];
        return startTool('Next.js', port, process.execPath, args, {
          cwd: dir,
          env: { NEXT_TELEMETRY_DISABLED: '1' },
        });
      }),
  },
  {
    id: 'astro',
    tool: 'Astro',
    title: 'blog',
    start: () =>
      inProject('astro', async (dir) => {
        const port = await freePort();
        const args = [bin('astro/bin/astro.mjs'), 'dev', '--port', String(port), '--host', '127.0.0.1'];
        return startTool('Astro', port, process.execPath, args, {
          cwd: dir,
          env: { ASTRO_TELEMETRY_DISABLED: '1' },
        });
      }),
  },
  {
    id: 'webpack-dev-server',
    tool: 'webpack-dev-server',
    title: 'crm',
    start: () =>
      inProject('webpack', async (dir) => {
        const port = await freePort();
        const args = [
          bin('webpack-cli/bin/cli.js'),
          'serve',
          '--mode',
          'development',
          '--entry',
          './src/index.js',
        ];
        args.push('--static', './static', '--port', String(port), '--host', '127.0.0.1');
        return startTool('webpack-dev-server', port, process.execPath, args, { cwd: dir });
      }),
  },
  {
    id: 'express',
    tool: 'Express',
    title: 'orders',
    start: () =>
      inProject('express', async (dir) => {
        const port = await freePort();
        const args = [join(dir, 'server.mjs'), String(port), '127.0.0.1'];
        return startTool('Express', port, process.execPath, args, { cwd: dir });
      }),
  },
  {
    id: null,
    tool: 'a web server',
    title: 'docs',
    // `npx serve`: Vercel's serve, whose answer names no tool (no Server or X-Powered-By header).
    start: () =>
      inProject('serve', async (dir) => {
        const port = await freePort();
        const args = [bin('serve/build/main.js'), '--no-clipboard', '-l', `tcp://127.0.0.1:${port}`, dir];
        return startTool('serve', port, process.execPath, args);
      }),
  },
  {
    id: 'python-http-server',
    tool: 'python -m http.server',
    title: 'Directory listing for /',
    start: () => startPythonHttpServer(),
  },
  {
    id: 'django',
    tool: 'Django',
    title: 'The install worked successfully! Congratulations!',
    start: async () => {
      const port = await freePort();
      const dir = mkdtempSync(join(tmpdir(), 'port-doctor-django-'));
      execFileSync(SYSTEM_PYTHON, ['-m', 'django', 'startproject', 'devsite', dir]);
      return startTool('Django', port, SYSTEM_PYTHON, [
        join(dir, 'manage.py'),
        'runserver',
        `127.0.0.1:${port}`,
        '--noreload',
      ]);
    },
  },
  {
    id: 'flask',
    tool: 'Flask',
    title: 'notes',
    start: async () => {
      const port = await freePort();
      const dir = mkdtempSync(join(tmpdir(), 'port-doctor-flask-'));
      cpSync(join(ROOT, 'apps/flask'), dir, { recursive: true });
      return startTool(
        'Flask',
        port,
        SYSTEM_PYTHON,
        ['-m', 'flask', '--app', 'app', 'run', '--port', String(port), '--host', '127.0.0.1'],
        { cwd: dir },
      );
    },
  },
  {
    id: 'jupyter',
    tool: 'Jupyter',
    // Its `/` redirects (to /tree), which an extension page cannot follow or read: no title.
    title: '',
    start: async () => {
      const port = await freePort();
      const dir = mkdtempSync(join(tmpdir(), 'port-doctor-jupyter-'));
      return startTool('Jupyter Notebook', port, SYSTEM_PYTHON, [
        '-m',
        'notebook',
        '--no-browser',
        '--port',
        String(port),
        '--ip',
        '127.0.0.1',
        // No token (a test machine's), and root allowed: CI may run as root.
        "--NotebookApp.token=''",
        '--allow-root',
        `--notebook-dir=${dir}`,
      ]);
    },
  },
];

/** The install hint when the dev servers are missing: a missing tool fails, it is never skipped. */
export function devServersInstalled(): void {
  if (!existsSync(join(MODULES, '.package-lock.json')))
    throw new Error(
      'The real dev servers are not installed: run `bash scripts/install-dev-servers.sh` (./run does it).',
    );
}
