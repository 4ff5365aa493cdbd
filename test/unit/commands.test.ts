import { describe, expect, it } from 'vitest';
import { chromiumOverride, FIREFOX_OVERRIDE_PREF } from '@/lib/commands/browser-override';
import { DEV_SERVER_IDS } from '@/lib/commands/dev-server-ids';
import { DEV_SERVERS, withEnv } from '@/lib/commands/dev-servers';
import { listenerCommands, WINDOWS_EXCLUDED_RANGES } from '@/lib/commands/listeners';
import {
  forTerminal,
  TERMINALS,
  terminalFromPlatform,
  type Command,
  type Terminal,
} from '@/lib/commands/terminal';
import { nearbyCandidates } from '@/lib/ports/nearby';
import { enginesBlocking } from '@/lib/ports/blocked';
import { isReserved, MAX_PASTE_CHARS, parseExcludedRanges } from '@/lib/ports/windows-reserved';
import { MAX_PROBES } from '@/lib/view/probe';

const texts = (commands: readonly Command[], terminal: Terminal) =>
  forTerminal(commands, terminal).map((command) => command.text);

/** Every line the explanation can print, for the tag checks. */
const EVERY_COMMAND: Command[] = [
  ...DEV_SERVERS.flatMap((server) => server.commands(6001, 6000)),
  ...chromiumOverride([6000]),
  ...listenerCommands(6000),
  WINDOWS_EXCLUDED_RANGES,
];

describe('dev-server commands', () => {
  it('has commands for every id the settings may remember, in the same order', () => {
    expect(DEV_SERVERS.map((server) => server.id)).toEqual(DEV_SERVER_IDS);
  });

  it('covers the dev servers people ask about', () => {
    expect(DEV_SERVER_IDS).toEqual(
      expect.arrayContaining(['vite', 'next', 'webpack', 'angular', 'django', 'rails', 'docker', 'compose']),
    );
    expect(DEV_SERVER_IDS).toHaveLength(15);
  });

  it.each(
    DEV_SERVERS.flatMap((server) => TERMINALS.map((terminal) => [server.name, terminal, server] as const)),
  )('%s in %s: at least one command, each with the new port', (_name, terminal, server) => {
    const shown = texts(server.commands(6001, 6000), terminal);
    expect(shown.length).toBeGreaterThan(0);
    for (const text of shown) expect(text).toContain('6001');
  });

  it('keeps the container port for Docker', () => {
    const docker = DEV_SERVERS.find((server) => server.id === 'docker')!;
    expect(docker.commands(6001, 6000)[0]!.text).toBe('docker run -p 6001:6000 IMAGE');
  });

  it.each([
    ['linux', 'PORT=6001 npm start'],
    ['mac', 'PORT=6001 npm start'],
    ['powershell', '$env:PORT=6001; npm start'],
    // Quoted: unquoted, cmd would set "6001 " with the space before &&.
    ['cmd', 'set "PORT=6001" && npm start'],
  ] as const)('sets an environment variable in %s as %s', (terminal, line) => {
    expect(texts(withEnv('PORT', '6001', 'npm start'), terminal)).toEqual([line]);
  });

  it.each([
    ['linux', ['npx webpack serve --port 6001', 'PORT=6001 npm start']],
    ['powershell', ['npx webpack serve --port 6001', '$env:PORT=6001; npm start']],
    ['cmd', ['npx webpack serve --port 6001', 'set "PORT=6001" && npm start']],
  ] as const)('shows webpack / CRA in %s', (terminal, lines) => {
    const webpack = DEV_SERVERS.find((server) => server.id === 'webpack')!;
    expect(texts(webpack.commands(6001, 6000), terminal)).toEqual(lines);
  });

  it.each([
    ['django', 'mac', 'python manage.py runserver 6001'],
    ['django', 'cmd', 'py manage.py runserver 6001'],
    ['rails', 'linux', 'bin/rails server -p 6001'],
    ['rails', 'powershell', 'ruby bin/rails server -p 6001'],
    ['python', 'linux', 'python3 -m http.server 6001'],
    ['python', 'cmd', 'py -m http.server 6001'],
    ['node', 'powershell', '$env:PORT=6001; node server.js'],
  ] as const)('writes %s for %s as %s', (id, terminal, line) => {
    const server = DEV_SERVERS.find((candidate) => candidate.id === id)!;
    expect(texts(server.commands(6001, 6000), terminal)[0]).toBe(line);
  });
});

describe('every printed line is tagged', () => {
  it.each(EVERY_COMMAND.map((command) => [command.text, command] as const))('%s', (_text, command) => {
    // A line for a terminal names its shells; only file content (a config snippet) has none.
    if (command.shells === undefined) expect(['config', 'compose']).toContain(command.caption);
    else expect(command.shells.length).toBeGreaterThan(0);
  });

  it('gives each terminal its own Chrome launch lines and listener command', () => {
    for (const terminal of TERMINALS) {
      expect(texts(chromiumOverride([6000]), terminal).length).toBeGreaterThan(0);
      expect(texts(listenerCommands(6000), terminal)).toHaveLength(1);
    }
  });
});

describe('re-allowing a port', () => {
  it.each([
    [
      'mac',
      [
        'open -na "Google Chrome" --args --explicitly-allowed-ports=6000,6667',
        'open -na "Microsoft Edge" --args --explicitly-allowed-ports=6000,6667',
        'open -na "Brave Browser" --args --explicitly-allowed-ports=6000,6667',
      ],
    ],
    [
      'linux',
      [
        'google-chrome --explicitly-allowed-ports=6000,6667',
        'chromium --explicitly-allowed-ports=6000,6667',
        'microsoft-edge --explicitly-allowed-ports=6000,6667',
        'brave-browser --explicitly-allowed-ports=6000,6667',
      ],
    ],
    [
      'powershell',
      [
        '& "$env:ProgramFiles\\Google\\Chrome\\Application\\chrome.exe" "--explicitly-allowed-ports=6000,6667"',
        '& "$env:LOCALAPPDATA\\Google\\Chrome\\Application\\chrome.exe" "--explicitly-allowed-ports=6000,6667"',
        '& "${env:ProgramFiles(x86)}\\Google\\Chrome\\Application\\chrome.exe" "--explicitly-allowed-ports=6000,6667"',
        '& "${env:ProgramFiles(x86)}\\Microsoft\\Edge\\Application\\msedge.exe" "--explicitly-allowed-ports=6000,6667"',
      ],
    ],
    [
      'cmd',
      [
        '"%ProgramFiles%\\Google\\Chrome\\Application\\chrome.exe" --explicitly-allowed-ports=6000,6667',
        '"%LOCALAPPDATA%\\Google\\Chrome\\Application\\chrome.exe" --explicitly-allowed-ports=6000,6667',
        '"%ProgramFiles(x86)%\\Google\\Chrome\\Application\\chrome.exe" --explicitly-allowed-ports=6000,6667',
        '"%ProgramFiles(x86)%\\Microsoft\\Edge\\Application\\msedge.exe" --explicitly-allowed-ports=6000,6667',
      ],
    ],
  ] as const)('launches Chromium browsers with the flag in %s', (terminal, lines) => {
    expect(texts(chromiumOverride([6000, 6667]), terminal)).toEqual(lines);
  });

  it('captions each Windows install', () => {
    expect(forTerminal(chromiumOverride([6000]), 'cmd').map((command) => command.caption)).toEqual([
      'installSystem',
      'installUser',
      'installX86',
      'edge',
    ]);
  });

  it('names the Firefox pref', () => {
    expect(FIREFOX_OVERRIDE_PREF).toBe('network.security.ports.banned.override');
  });
});

describe('what listens on a port', () => {
  it.each([
    ['mac', 'lsof -nP -iTCP:3000 -sTCP:LISTEN'],
    ['linux', "ss -ltnp 'sport = :3000'"],
    ['powershell', 'Get-NetTCPConnection -LocalPort 3000 -State Listen'],
    // /C: keeps the space after the port, so :30000-:30009 do not match.
    ['cmd', 'netstat -ano | findstr /C:":3000 "'],
  ] as const)('in %s: %s', (terminal, line) => {
    expect(texts(listenerCommands(3000), terminal)).toEqual([line]);
  });

  it('lists Windows reserved ranges only in Windows shells', () => {
    expect(
      TERMINALS.filter((terminal) => forTerminal([WINDOWS_EXCLUDED_RANGES], terminal).length > 0),
    ).toEqual(['powershell', 'cmd']);
  });
});

describe('terminalFromPlatform', () => {
  it.each([
    ['win', 'powershell'],
    ['Win32', 'powershell'],
    ['mac', 'mac'],
    ['MacIntel', 'mac'],
    ['linux', 'linux'],
    ['Linux x86_64', 'linux'],
    ['cros', 'linux'],
    ['android', 'linux'],
    ['openbsd', 'linux'],
    ['', 'linux'],
  ])('reads the platform %j as %s', (platform, terminal) => {
    expect(terminalFromPlatform(platform)).toBe(terminal);
  });
});

describe('Windows reserved port ranges', () => {
  // As netsh prints it (Windows 11, English); other languages translate the headings only.
  const LISTING = [
    '',
    'Protocol tcp Port Exclusion Ranges',
    '',
    'Start Port    End Port',
    '----------    --------',
    '      1061        1160',
    '      2919        3018',
    '      5357        5357',
    '     50000       50059     *',
    '',
    '* - Administered port exclusions.',
  ].join('\r\n');

  it('reads the rows and nothing else', () => {
    expect(parseExcludedRanges(LISTING)).toEqual([
      [1061, 1160],
      [2919, 3018],
      [5357, 5357],
      [50000, 50059],
    ]);
  });

  it.each([
    [3000, true],
    [3018, true],
    [3019, false],
    [5357, true],
    [6001, false],
  ])('port %i reserved: %s', (port, expected) => {
    expect(isReserved(port, parseExcludedRanges(LISTING))).toBe(expected);
  });

  it.each([
    ['not a listing', 'PORT=6001 npm start'],
    ['a reversed range', '  3018  2919'],
    ['a port out of range', '  70000  70001'],
  ])('ignores %s', (_what, text) => {
    expect(parseExcludedRanges(text)).toEqual([]);
  });

  it('reads no further than its bound', () => {
    expect(parseExcludedRanges(`${' '.repeat(MAX_PASTE_CHARS)}\n  3000  3000`)).toEqual([]);
  });
});

describe('nearbyCandidates', () => {
  it('looks next door first, then at the usual dev-server ports, never at blocked ones', () => {
    const candidates = nearbyCandidates(5174);
    expect(candidates.slice(0, 6)).toEqual([5175, 5173, 5176, 5172, 5177, 5171]);
    expect(candidates).toContain(3000);
    expect(candidates.length).toBeLessThanOrEqual(MAX_PROBES);
    for (const port of nearbyCandidates(6668)) expect(enginesBlocking(port)).toEqual([]);
  });
});
