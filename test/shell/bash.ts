/**
 * Runs a printed command line in bash, as a user would paste it, with stand-ins on PATH for the programs this
 * machine does not have. A stand-in records the argument vector bash gave it: the line must reach the tool as
 * the words its own CLI reads.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Workspace {
  dir: string;
  env: NodeJS.ProcessEnv;
}

/** A scratch folder whose bin/ (stand-ins, then real programs linked in) comes first on PATH. */
export function workspace(standIns: readonly string[], real: Record<string, string> = {}): Workspace {
  const dir = mkdtempSync(join(tmpdir(), 'port-doctor-shell-'));
  const bin = join(dir, '.bin');
  mkdirSync(bin);
  for (const name of standIns) standIn(join(bin, name));
  for (const [name, target] of Object.entries(real)) symlinkSync(target, join(bin, name));
  return {
    dir,
    env: { ...process.env, PATH: `${bin}:${process.env.PATH ?? ''}`, PD_RECORD: join(dir, 'argv') },
  };
}

/** A program that writes its name and arguments, NUL-separated, to $PD_RECORD. */
export function standIn(path: string): void {
  writeFileSync(path, '#!/bin/sh\nprintf \'%s\\0\' "$(basename "$0")" "$@" > "$PD_RECORD"\n');
  chmodSync(path, 0o755);
}

/**
 * Runs a line to its end; returns what the stand-in recorded, if one ran. Asynchronous: a test server in this
 * process must go on answering while the line runs.
 */
export async function runLine(
  line: string,
  space: Workspace,
): Promise<{ status: number | null; output: string; argv: string[] }> {
  const started = startLine(line, space);
  const timer = setTimeout(() => void started.stop(), 60_000);
  const status = await exited(started.child);
  clearTimeout(timer);
  let argv: string[] = [];
  try {
    argv = readFileSync(space.env.PD_RECORD!, 'utf8').split('\0').slice(0, -1);
  } catch {
    // No stand-in ran.
  }
  return { status, output: started.output(), argv };
}

/** Starts a line that keeps running (a server), in its own process group so that all of it can be stopped. */
export function startLine(
  line: string,
  space: Workspace,
): { child: ChildProcess; stop: () => Promise<void>; output: () => string } {
  const child = spawn('bash', ['-c', line], { cwd: space.dir, env: space.env, detached: true });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return {
    child,
    output: () => output,
    // The whole group (bash, npm, the server it started), and only once bash is gone.
    stop: async () => {
      const gone = exited(child);
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // Already gone.
      }
      await gone;
    },
  };
}

/** The body of the first answer from url, polling until one comes (the server is starting) or the line exits. */
export async function firstAnswer(url: string, child: ChildProcess, output: () => string): Promise<string> {
  const deadline = Date.now() + 45_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`The command exited (${child.exitCode}) before answering:\n${output()}`);
    try {
      const response = await fetch(url);
      return await response.text();
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  throw new Error(`Nothing answered on ${url} in 45 s:\n${output()}`);
}

/** Resolves with the exit code of a line that was expected to end by itself. */
export function exited(child: ChildProcess): Promise<number | null> {
  return child.exitCode !== null
    ? Promise.resolve(child.exitCode)
    : new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}
