/**
 * Real developer tools run as the developer runs them: the tool's own command as a child process, on a port the
 * OS called free, ready once it serves `/`. Used for the servers a scan must find and name (Vite, Python's
 * http.server…) and for the failure kinds that need a real dev server.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer as createNet, type AddressInfo } from 'node:net';
import { waitFor } from './wait.ts';

/** A port free on `host` a moment ago (the OS picked it; closed again before it is returned). */
export async function freePort(host = '127.0.0.1'): Promise<number> {
  const probe = createNet();
  await new Promise<void>((done) => probe.listen(0, host, done));
  const { port } = probe.address() as AddressInfo;
  await new Promise((done) => probe.close(done));
  return port;
}

/** A port free on `host`, whose next port is free too: room for a dev server that moves on. */
export async function freePortPair(host = '127.0.0.1'): Promise<number> {
  for (;;) {
    const port = await freePort(host);
    if (port < 65535 && (await isFree(port + 1, host))) return port;
  }
}

async function isFree(port: number, host: string): Promise<boolean> {
  const probe = createNet();
  const free = await new Promise<boolean>((done) => {
    probe.once('error', () => done(false));
    probe.listen(port, host, () => done(true));
  });
  if (free) await new Promise((done) => probe.close(done));
  return free;
}

/** Holds `port` on `host` (a listener that accepts and drops): what makes a dev server move on. */
export async function holdPort(port: number, host = '127.0.0.1'): Promise<{ release(): Promise<void> }> {
  const holder = createNet((socket) => socket.destroy());
  await new Promise<void>((done, fail) => {
    holder.once('error', fail);
    holder.listen(port, host, done);
  });
  return { release: () => new Promise((done) => holder.close(() => done())) };
}

/**
 * The environment of a developer's terminal: the test runner's own variables left out. Vitest sets
 * NODE_ENV=test, with which Astro's dev server answered every page 404.
 */
function developerEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => name !== 'NODE_ENV' && name !== 'TEST' && !name.startsWith('VITEST'),
    ),
  );
}

export interface Tool {
  origin: string;
  port: number;
  /** Kills it as a closed terminal does: its sockets drop without a goodbye. */
  /** Resolves once the process is gone (its port is free then: a killed server's socket is not, at once). */
  stop(): Promise<void>;
}

/**
 * Runs `command args` and waits until `origin` answers `/` (any status: some tools answer 404 there, or
 * redirect). `port` is where it was told to listen.
 */
export async function startTool(
  what: string,
  port: number,
  command: string,
  args: readonly string[],
  options: { cwd?: string; origin?: string; env?: Record<string, string> } = {},
): Promise<Tool> {
  const child: ChildProcess = spawn(command, args, {
    cwd: options.cwd,
    stdio: 'ignore',
    env: { ...developerEnv(), ...options.env },
  });
  const gone = new Promise<number | null>((done) => child.once('exit', done));
  const exited = gone.then((code) => {
    throw new Error(`${what} exited (code ${code}) before it served`);
  });
  const origin = options.origin ?? `http://127.0.0.1:${port}`;
  const serving = waitFor(
    `${what} to serve ${origin}`,
    () =>
      fetch(`${origin}/`, { redirect: 'manual' }).then(
        () => true,
        () => false,
      ),
    30_000,
  );
  try {
    await Promise.race([serving, exited]);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  exited.catch(() => undefined);
  return {
    origin,
    port,
    stop: async () => {
      child.kill('SIGKILL');
      await gone;
    },
  };
}
