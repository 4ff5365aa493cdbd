/**
 * Which terminal a command line is for. A line is written in one shell's syntax (POSIX `PORT=6001 npm start` fails
 * in PowerShell and cmd) and may call programs only one OS has (`lsof`, `open`, `netstat`), so every line the
 * extension prints is tagged with both, and the pages show the lines for the user's terminal first.
 */

/** POSIX: bash, zsh, sh (macOS, Linux; Git Bash and WSL on Windows). */
export type Shell = 'posix' | 'powershell' | 'cmd';
export type Os = 'windows' | 'mac' | 'linux';

/** What the user types in: it fixes both the OS and the shell. */
export type Terminal = 'mac' | 'linux' | 'powershell' | 'cmd';
export const TERMINALS: readonly Terminal[] = ['mac', 'linux', 'powershell', 'cmd'];

export const ANY_SHELL: readonly Shell[] = ['posix', 'powershell', 'cmd'];
export const POSIX: readonly Shell[] = ['posix'];
export const WINDOWS_SHELLS: readonly Shell[] = ['powershell', 'cmd'];

/** Labels under howto.* that say where a line goes or which install it is for. */
export type Caption =
  'terminal' | 'config' | 'env' | 'compose' | 'installSystem' | 'installUser' | 'installX86' | 'edge';

export interface Command {
  text: string;
  /** The shells whose syntax the line is written in; absent for file content (a config snippet). */
  shells?: readonly Shell[];
  /** The systems that have the programs it calls; absent when every system has them (npx, docker...). */
  os?: readonly Os[];
  caption?: Caption;
}

export function shellOf(terminal: Terminal): Shell {
  return terminal === 'mac' || terminal === 'linux' ? 'posix' : terminal;
}

export function osOf(terminal: Terminal): Os {
  return terminal === 'powershell' || terminal === 'cmd' ? 'windows' : terminal;
}

export function runsIn(command: Command, terminal: Terminal): boolean {
  return (
    (command.shells === undefined || command.shells.includes(shellOf(terminal))) &&
    (command.os === undefined || command.os.includes(osOf(terminal)))
  );
}

export function forTerminal(commands: readonly Command[], terminal: Terminal): Command[] {
  return commands.filter((command) => runsIn(command, terminal));
}

/**
 * The terminal to show first, from `runtime.getPlatformInfo().os` ('win', 'mac', 'linux', 'cros', 'android',
 * 'openbsd', 'fuchsia') or `navigator.platform` ('Win32', 'MacIntel', 'Linux x86_64'). Windows opens PowerShell by
 * default (Windows Terminal), so cmd is the one click away; everything else gets POSIX lines.
 */
export function terminalFromPlatform(platform: string): Terminal {
  if (/^win/i.test(platform)) return 'powershell';
  if (/mac|iphone|ipad/i.test(platform)) return 'mac';
  return 'linux';
}
