/**
 * Real servers for the failure kinds: an HTTPS server with a certificate made for the test, a server that resets
 * every connection, a server on every address (what a dev server printing http://0.0.0.0:PORT runs).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer as createHttp, type Server as HttpServer } from 'node:http';
import { createServer as createHttps } from 'node:https';
import { createServer as createNet, type AddressInfo, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort, startTool, type Tool } from './processes.ts';

export interface Running {
  port: number;
  close(): Promise<void>;
}

const PAGE = '<!doctype html><title>served</title><p id="app">Served by the test server</p>';

/** Listens on `port` (0: one the OS picks); a fixed port that is taken fails, saying what needed it. */
async function run(
  server: Server | HttpServer,
  host: string,
  port = 0,
  purpose = 'a test server',
): Promise<Running> {
  const sockets = new Set<import('node:net').Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((done, fail) => {
    server.once('error', (error) => fail(new Error(`${purpose} needs port ${port} free: ${String(error)}`)));
    server.listen(port, host, done);
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise((done) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => done());
      }),
  };
}

const respond = (_request: unknown, response: import('node:http').ServerResponse) => {
  response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  response.end(PAGE);
};

/** An HTTPS server on 127.0.0.1 with a self-signed certificate for localhost, made by openssl for this run. */
export function startHttpsServer(): Promise<Running> {
  const dir = mkdtempSync(join(tmpdir(), 'port-doctor-tls-'));
  const [key, cert] = [join(dir, 'key.pem'), join(dir, 'cert.pem')];
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      key,
      '-out',
      cert,
      '-subj',
      '/CN=localhost',
      '-addext',
      'subjectAltName=DNS:localhost,IP:127.0.0.1',
      '-days',
      '1',
    ],
    { stdio: 'ignore' },
  );
  return run(createHttps({ key: readFileSync(key), cert: readFileSync(cert) }, respond), '127.0.0.1');
}

/** A server that accepts, reads the request, and resets the connection (a TCP RST), as a broken forward does. */
export function startResettingServer(): Promise<Running> {
  return run(
    createNet((socket) => socket.once('data', () => socket.resetAndDestroy())),
    '127.0.0.1',
  );
}

/** A web server on every address of this machine (`::`, which takes IPv4 too), as `--host 0.0.0.0` does. */
export function startEverywhereServer(): Promise<Running> {
  return run(createHttp(respond), '::');
}

export const SERVED_TEXT = 'Served by the test server';

/**
 * A page that asks a local server for something: `/frame` frames it, `/fetch` fetches it and writes the outcome
 * in its title. Served from 127.0.0.1 like the local one, and declared public to the browser under test
 * (Chromium --ip-address-space-overrides, Firefox network.lna.address_space.public.override).
 */
export async function startAskingPage(localOrigin: string): Promise<Running> {
  const server = createHttp((request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    if (request.url === '/frame')
      response.end(`<title>framing</title><iframe src="${localOrigin}/framed"></iframe>`);
    else
      response.end(
        `<title>asking</title><script>fetch('${localOrigin}/api').then(` +
          `(r) => (document.title = 'answered ' + r.status), (e) => (document.title = 'failed: ' + e.message))</script>`,
      );
  });
  return run(server, '127.0.0.1');
}

/** A web server on IPv6 loopback only (::1), as Node 17+ and Vite bind `localhost` on some systems. */
export function startIpv6OnlyServer(): Promise<Running> {
  return run(createHttp(respond), '::1');
}

/**
 * A stand-in for macOS's AirPlay Receiver, which no Linux machine has: on `port` (5000 or 7000), on every address,
 * it answers every request as AirPlay does, 403 Forbidden with `Server: AirTunes/<version>` and an empty body.
 * Fails, saying so, when the port is taken here.
 */
export function startAirTunesStandIn(port: number): Promise<Running> {
  const server = createHttp((_request, response) => {
    response.writeHead(403, { server: 'AirTunes/860.7.1', 'content-length': '0' });
    response.end();
  });
  return run(server, '::', port, 'The AirPlay stand-in');
}

/**
 * A server that is not a web server, on the port its service owns: it reads what the browser sends and answers
 * in its own protocol, as PostgreSQL does to an HTTP request (an ErrorResponse message, then the connection
 * closes), or closes without a word (`answer` null), as Redis does to anything that looks like HTTP ("Possible
 * SECURITY ATTACK detected", redis/redis src/networking.c).
 */
export function startNotHttpServer(port: number, answer: Buffer | null): Promise<Running> {
  const server = createNet((socket) => {
    socket.once('data', () => (answer ? socket.end(answer) : socket.destroy()));
    socket.on('error', () => undefined);
  });
  return run(server, '127.0.0.1', port, `The stand-in service on ${port}`);
}

/** What PostgreSQL answers to bytes that are not its startup message: an ErrorResponse ('E'), then it closes. */
export const POSTGRES_ERROR = Buffer.concat([
  Buffer.from('E'),
  Buffer.from([0, 0, 0, 0x3c]),
  Buffer.from('SFATAL\0VFATAL\0C0A000\0Munsupported frontend protocol 18245.21536\0\0'),
]);

export const VITE_APP_TEXT = 'dev app';

/**
 * Vite's own command in a scratch app, as `npm run dev` runs it (`--host 127.0.0.1`, so any other name is one
 * Vite does not allow). `stop` kills it as when its terminal is closed: the page's socket drops without a
 * goodbye, which is what makes Vite's client poll (a clean close would not).
 */
export async function startVite(
  options: { port?: number; strict?: boolean; title?: string } = {},
): Promise<Tool> {
  const port = options.port ?? (await freePort());
  const strict = options.strict ?? true;
  const dir = mkdtempSync(join(tmpdir(), 'port-doctor-vite-'));
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html><title>${options.title ?? 'dev app'}</title><p id="app">${VITE_APP_TEXT}</p>`,
  );
  symlinkSync(resolve(import.meta.dirname, '../../../node_modules'), join(dir, 'node_modules'));
  // Node running Vite's own bin: the child is the server itself (npx would put processes in between).
  const vite = join(dir, 'node_modules/vite/bin/vite.js');
  // Without --strictPort, Vite takes the next free port when `port` is busy (packages/vite/src/node/http.ts
  // httpServerStart): the test makes `port` busy, so that is the next one.
  const serving = strict ? port : port + 1;
  return startTool(
    'Vite',
    serving,
    process.execPath,
    [vite, '--port', String(port), ...(strict ? ['--strictPort'] : []), '--host', '127.0.0.1'],
    { cwd: dir },
  );
}

/**
 * `python3 -m http.server` on a port the OS picked, bound to 127.0.0.1, serving an empty scratch folder (its
 * directory listing): Python's own server, as a developer starts it.
 */
export async function startPythonHttpServer(port?: number): Promise<Tool> {
  port ??= await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'port-doctor-http-server-'));
  return startTool('python3 -m http.server', port, 'python3', [
    '-m',
    'http.server',
    String(port),
    '--bind',
    '127.0.0.1',
    '--directory',
    dir,
  ]);
}
