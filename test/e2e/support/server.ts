/** A local test server on 127.0.0.1. Its port is chosen by the OS and checked against every blocked list. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { enginesBlocking } from '../../../lib/ports/blocked.ts';

export interface TestServer {
  origin: string;
  port: number;
  close(): Promise<void>;
}

export type Routes = Record<string, string>;

export async function startServer(routes: Routes, port = 0): Promise<TestServer> {
  const server: Server = createServer((request, response) => {
    const body = routes[new URL(request.url ?? '/', 'http://x').pathname];
    response.writeHead(body === undefined ? 404 : 200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(body ?? 'not found');
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
    close: () => new Promise((done) => server.close(() => done())),
  };
}
