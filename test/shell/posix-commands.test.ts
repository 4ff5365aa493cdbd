/**
 * Every POSIX command line the extension prints, run in bash: for real where this machine has the program (Vite,
 * npm, Node, Python, Chromium, ss, lsof), and through a stand-in that records its arguments where it does not
 * (Next, Angular, Astro, Nuxt, webpack-dev-server, Flask, Django, Rails, uvicorn, PHP, Docker, Google Chrome, Edge,
 * Brave, macOS `open`). The PowerShell and cmd variants are pinned by table tests (test/unit/commands.test.ts):
 * there is no Windows shell here.
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumOverride } from '../../lib/commands/browser-override.ts';
import { DEV_SERVERS } from '../../lib/commands/dev-servers.ts';
import { listenerCommands } from '../../lib/commands/listeners.ts';
import { forTerminal, type Command } from '../../lib/commands/terminal.ts';
import { enginesBlocking } from '../../lib/ports/blocked.ts';
import { chromiumPath } from '../e2e/support/browsers.ts';
import { startServer } from '../e2e/support/server.ts';
import { exited, firstAnswer, runLine, standIn, startLine, workspace } from './bash.ts';

const ROOT = resolve(import.meta.dirname, '../..');

function listen(port: number): Promise<Server> {
  return new Promise((done, fail) => {
    const server = createServer((socket) => socket.end());
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => done(server));
  });
}

async function freePort(): Promise<number> {
  const server = await listen(0);
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

const PORT = await freePort();
const ORIGINAL = 6000;

/** Every POSIX line, as the explanation prints it for macOS and Linux. */
function posixLines(port: number): string[] {
  const all: Command[] = [
    ...DEV_SERVERS.flatMap((server) => server.commands(port, ORIGINAL)),
    ...chromiumOverride([port]),
    ...listenerCommands(port),
  ];
  const lines = new Set(
    [...forTerminal(all, 'mac'), ...forTerminal(all, 'linux')].filter((c) => c.shells).map((c) => c.text),
  );
  return [...lines];
}

/** The lines run below; the last test checks that no printed line is missing from here. */
const covered = new Set<string>();
function line(text: string): string {
  covered.add(text);
  return text;
}

describe('dev-server commands run for real', () => {
  it('npx vite --port P --strictPort serves on P', async () => {
    const port = await freePort();
    const space = workspace([]);
    writeFileSync(join(space.dir, 'index.html'), '<p>vite app</p>');
    symlinkSync(join(ROOT, 'node_modules'), join(space.dir, 'node_modules'));
    const vite = startLine(line(`npx vite --port ${port} --strictPort`), space);
    try {
      expect(await firstAnswer(`http://localhost:${port}/`, vite.child, vite.output)).toContain(
        '/@vite/client',
      );
    } finally {
      await vite.stop();
    }
  });

  it('--strictPort makes Vite stop instead of moving when P is busy (what the explanation says)', async () => {
    const space = workspace([]);
    writeFileSync(join(space.dir, 'index.html'), '<p>vite app</p>');
    symlinkSync(join(ROOT, 'node_modules'), join(space.dir, 'node_modules'));
    const port = await freePort();
    const busy = await listen(port);
    const vite = startLine(`npx vite --port ${port} --strictPort --host 127.0.0.1`, space);
    try {
      expect(await exited(vite.child)).not.toBe(0);
      expect(vite.output()).toContain(`Port ${port} is already in use`);
    } finally {
      await vite.stop();
      await new Promise((done) => busy.close(done));
    }
  });

  it('the vite.config.ts line sets the port', async () => {
    const port = await freePort();
    const space = workspace([]);
    const vite = DEV_SERVERS.find((server) => server.id === 'vite')!;
    const config = vite.commands(port, ORIGINAL).find((command) => command.caption === 'config')!.text;
    writeFileSync(join(space.dir, 'vite.config.ts'), `import { defineConfig } from 'vite';\n${config}\n`);
    writeFileSync(join(space.dir, 'index.html'), '<p>vite app</p>');
    symlinkSync(join(ROOT, 'node_modules'), join(space.dir, 'node_modules'));
    const started = startLine('npx vite', space);
    try {
      expect(await firstAnswer(`http://localhost:${port}/`, started.child, started.output)).toContain(
        '/@vite/client',
      );
    } finally {
      await started.stop();
    }
  });

  describe('a Node server that reads PORT', () => {
    const SERVER =
      "require('node:http').createServer((q, s) => s.end('port ' + process.env.PORT)).listen(process.env.PORT);\n";

    it.each([
      ['PORT=P npm start (a real npm start script)', (port: number) => `PORT=${port} npm start`],
      ['PORT=P node server.js', (port: number) => `PORT=${port} node server.js`],
    ])('%s', async (_name, make) => {
      const port = await freePort();
      const space = workspace([]);
      writeFileSync(
        join(space.dir, 'package.json'),
        JSON.stringify({ private: true, scripts: { start: 'node server.js' } }),
      );
      writeFileSync(join(space.dir, 'server.js'), SERVER);
      const started = startLine(line(make(port)), space);
      try {
        expect(await firstAnswer(`http://127.0.0.1:${port}/`, started.child, started.output)).toBe(
          `port ${port}`,
        );
      } finally {
        await started.stop();
      }
    });

    it('app.listen(process.env.PORT ?? P) listens on P when PORT is unset', async () => {
      const port = await freePort();
      const space = workspace([]);
      delete space.env.PORT;
      const node = DEV_SERVERS.find((server) => server.id === 'node')!;
      const snippet = node.commands(port, ORIGINAL).find((command) => command.caption === 'config')!.text;
      writeFileSync(
        join(space.dir, 'app.js'),
        `const app = require('node:http').createServer((q, s) => s.end('app'));\n${snippet}\n`,
      );
      const started = startLine('node app.js', space);
      try {
        expect(await firstAnswer(`http://127.0.0.1:${port}/`, started.child, started.output)).toBe('app');
      } finally {
        await started.stop();
      }
    });
  });

  it('python3 -m http.server P serves the folder', async () => {
    const port = await freePort();
    const space = workspace([]);
    writeFileSync(join(space.dir, 'index.html'), '<p>python app</p>');
    const started = startLine(line(`python3 -m http.server ${port}`), space);
    try {
      expect(await firstAnswer(`http://127.0.0.1:${port}/`, started.child, started.output)).toContain(
        'python app',
      );
    } finally {
      await started.stop();
    }
  });
});

describe('dev-server commands reach their tool as its CLI reads them (tools not on this machine)', () => {
  // Each CLI's flags as its own source defines them (see lib/commands/dev-servers.ts).
  const NPX_TOOLS = ['next', 'webpack', 'ng', 'astro', 'nuxi'];
  const PATH_TOOLS = ['flask', 'python', 'uvicorn', 'php', 'docker'];
  let space: ReturnType<typeof workspace>;
  beforeAll(() => {
    space = workspace(PATH_TOOLS);
    writeFileSync(join(space.dir, 'package.json'), JSON.stringify({ private: true }));
    mkdirSync(join(space.dir, 'node_modules/.bin'), { recursive: true });
    for (const tool of NPX_TOOLS) standIn(join(space.dir, 'node_modules/.bin', tool));
    mkdirSync(join(space.dir, 'bin'));
    standIn(join(space.dir, 'bin/rails'));
  });

  it.each([
    [`npx next dev -p ${PORT}`, ['next', 'dev', '-p', `${PORT}`]],
    [`npx webpack serve --port ${PORT}`, ['webpack', 'serve', '--port', `${PORT}`]],
    [`npx ng serve --port ${PORT}`, ['ng', 'serve', '--port', `${PORT}`]],
    [`npx astro dev --port ${PORT}`, ['astro', 'dev', '--port', `${PORT}`]],
    [`npx nuxi dev --port ${PORT}`, ['nuxi', 'dev', '--port', `${PORT}`]],
    [`flask run --port ${PORT}`, ['flask', 'run', '--port', `${PORT}`]],
    [`python manage.py runserver ${PORT}`, ['python', 'manage.py', 'runserver', `${PORT}`]],
    [`bin/rails server -p ${PORT}`, ['rails', 'server', '-p', `${PORT}`]],
    [`uvicorn main:app --port ${PORT}`, ['uvicorn', 'main:app', '--port', `${PORT}`]],
    [`php -S localhost:${PORT}`, ['php', '-S', `localhost:${PORT}`]],
    [`docker run -p ${PORT}:${ORIGINAL} IMAGE`, ['docker', 'run', '-p', `${PORT}:${ORIGINAL}`, 'IMAGE']],
  ])('%s', async (text, argv) => {
    const result = await runLine(line(text), space);
    expect(result.status, result.output).toBe(0);
    expect(result.argv).toEqual(argv);
  });
});

describe('re-allowing a port', () => {
  it('chromium --explicitly-allowed-ports=P opens a server on a blocked port that it refuses without the flag', async () => {
    const blocked = 6669;
    expect(enginesBlocking(blocked)).toContain('chromium');
    const server = await startServer({ '/': '<p id="reached">reached</p>' }, blocked);
    const space = workspace([], { chromium: chromiumPath() });
    const [printed] = forTerminal(chromiumOverride([blocked]), 'linux').filter((c) =>
      c.text.startsWith('chromium '),
    );
    const headless = (profile: string) =>
      `--headless=new --no-sandbox --user-data-dir=${join(space.dir, profile)} --dump-dom http://127.0.0.1:${blocked}/`;
    try {
      const allowed = await runLine(`${line(printed!.text)} ${headless('allowed')}`, space);
      expect(allowed.output).toContain('reached');
      const refused = await runLine(`chromium ${headless('refused')}`, space);
      expect(refused.output).not.toContain('reached');
      expect(server.hits.get('/')).toBe(1);
    } finally {
      await server.close();
    }
  });

  it.each([
    [
      `google-chrome --explicitly-allowed-ports=${PORT}`,
      ['google-chrome', `--explicitly-allowed-ports=${PORT}`],
    ],
    [
      `microsoft-edge --explicitly-allowed-ports=${PORT}`,
      ['microsoft-edge', `--explicitly-allowed-ports=${PORT}`],
    ],
    [
      `brave-browser --explicitly-allowed-ports=${PORT}`,
      ['brave-browser', `--explicitly-allowed-ports=${PORT}`],
    ],
    [
      `open -na "Google Chrome" --args --explicitly-allowed-ports=${PORT}`,
      ['open', '-na', 'Google Chrome', '--args', `--explicitly-allowed-ports=${PORT}`],
    ],
    [
      `open -na "Microsoft Edge" --args --explicitly-allowed-ports=${PORT}`,
      ['open', '-na', 'Microsoft Edge', '--args', `--explicitly-allowed-ports=${PORT}`],
    ],
    [
      `open -na "Brave Browser" --args --explicitly-allowed-ports=${PORT}`,
      ['open', '-na', 'Brave Browser', '--args', `--explicitly-allowed-ports=${PORT}`],
    ],
  ])('%s', async (text, argv) => {
    const result = await runLine(
      line(text),
      workspace(['google-chrome', 'microsoft-edge', 'brave-browser', 'open']),
    );
    expect(result.status, result.output).toBe(0);
    expect(result.argv).toEqual(argv);
  });
});

describe('what listens on a port', () => {
  /** A port P whose ten-fold (P0) is free too: the command must show P and never P0. */
  let port = 0;
  let servers: Server[] = [];
  beforeAll(async () => {
    for (let candidate = 2001; candidate < 6500 && port === 0; candidate += 97) {
      try {
        const pair = [await listen(candidate)];
        pair.push(await listen(candidate * 10));
        servers = pair;
        port = candidate;
      } catch {
        // Taken: try another.
      }
    }
    expect(port).not.toBe(0);
  });
  afterAll(async () => {
    for (const server of servers) await new Promise((done) => server.close(done));
  });

  it.each([
    ['lsof (macOS)', (p: number) => listenerCommands(p)[0]!.text],
    ['ss (Linux)', (p: number) => listenerCommands(p)[1]!.text],
  ])('%s lists the listener on P, not the one on P0, and nothing on a free port', async (_name, make) => {
    const space = workspace([]);
    const found = await runLine(line(make(port)), space);
    expect(found.output).toContain(`127.0.0.1:${port} `);
    expect(found.output).not.toContain(`:${port * 10}`);
    expect(found.output).toContain(String(process.pid));
    const free = await freePort();
    const none = await runLine(make(free), space);
    expect(none.output).not.toContain(`:${free}`);
  });
});

describe('coverage', () => {
  it('ran every POSIX line the explanation prints (with the test port)', () => {
    // The listener commands ran with their own port; compare them by shape.
    const printed = posixLines(PORT).map((text) => text.replaceAll(String(PORT), 'P'));
    const ran = [...covered].map((text) =>
      text.replace(/\b\d{4,5}\b/g, (digits) => (digits === String(ORIGINAL) ? digits : 'P')),
    );
    expect(printed.filter((text) => !ran.includes(text))).toEqual([]);
  });
});
