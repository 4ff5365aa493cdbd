/** A local test server on 127.0.0.1. Its port is chosen by the OS and checked against every blocked list. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { enginesBlocking } from '../../../lib/ports/blocked.ts';
import { closedPort } from './ports.ts';

export interface TestServer {
  origin: string;
  port: number;
  /** How many requests each path received. */
  hits: Map<string, number>;
  /** Every request, in order: its path and query, and who the browser says started it (Sec-Fetch-Site). */
  requests: { url: string; fetchSite: string | undefined }[];
  close(): Promise<void>;
}

/** A response other than a 200 page: a redirect, another status, or an answer held back. */
export interface Reply {
  status: number;
  headers?: Record<string, string>;
  body?: string;
  /** Asked for each request: the answer is sent once this settles (a test's sentinel), not before. */
  until?: () => Promise<void>;
}

export type Routes = Record<string, string | Reply>;

export async function startServer(routes: Routes, port = 0): Promise<TestServer> {
  const hits = new Map<string, number>();
  const requests: TestServer['requests'] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const fetchSite = request.headers['sec-fetch-site'];
    requests.push({
      url: request.url ?? '/',
      fetchSite: Array.isArray(fetchSite) ? fetchSite[0] : fetchSite,
    });
    const route = routes[path];
    const reply: Reply =
      route === undefined
        ? { status: 404, body: 'not found' }
        : typeof route === 'string'
          ? { status: 200, body: route }
          : route;
    const send = () => {
      response.writeHead(reply.status, { 'content-type': 'text/html; charset=utf-8', ...reply.headers });
      response.end(reply.body ?? '');
    };
    if (reply.until) void reply.until().then(send);
    else send();
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', done);
  });
  const actual = (server.address() as AddressInfo).port;
  if (port === 0 && enginesBlocking(actual).length > 0) {
    // Cannot happen for OS-chosen ports today (every blocked port is <= 10080), but a test server on a
    // blocked port would make every test meaningless.
    server.close();
    return startServer(routes);
  }
  return {
    origin: `http://127.0.0.1:${actual}`,
    port: actual,
    hits,
    requests,
    close: () =>
      new Promise((done) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => done());
      }),
  };
}

/**
 * A port where nothing listens, and a real server on the port next to it (above, or below when that one is
 * taken): what a developer who typed the wrong port has.
 */
export async function refusedWithServerNextDoor(
  page: string,
): Promise<{ refused: number; nextDoor: TestServer }> {
  const refused = await closedPort();
  const nextDoor = await startServer({ '/': page }, refused + 1).catch(() =>
    startServer({ '/': page }, refused - 1),
  );
  return { refused, nextDoor };
}
