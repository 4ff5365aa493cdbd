import { describe, expect, it } from 'vitest';
import { chromiumOverride, DEV_SERVERS, listenerCommands, osFromPlatform } from '@/lib/howto';
import { nearbyCandidates } from '@/lib/nearby';
import { enginesBlocking } from '@/lib/ports/blocked';
import { MAX_PROBES } from '@/lib/probe';

describe('how-to commands', () => {
  it('covers the dev servers people ask about', () => {
    expect(DEV_SERVERS.map((server) => server.id)).toEqual([
      'vite',
      'next',
      'webpack',
      'angular',
      'astro',
      'nuxt',
      'node',
      'flask',
      'django',
      'rails',
      'uvicorn',
      'python',
      'php',
      'docker',
      'compose',
    ]);
  });

  it.each(DEV_SERVERS.map((server) => [server.name, server] as const))(
    '%s puts the new port in every command',
    (_name, server) => {
      const commands = server.commands(6001, 6000);
      expect(commands.length).toBeGreaterThan(0);
      for (const command of commands) expect(command.text).toContain('6001');
    },
  );

  it('keeps the container port for Docker', () => {
    const docker = DEV_SERVERS.find((server) => server.id === 'docker')!;
    expect(docker.commands(6001, 6000)[0]!.text).toBe('docker run -p 6001:6000 IMAGE');
  });

  it.each([
    [
      'windows',
      '"C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe" --explicitly-allowed-ports=6000,6667',
    ],
    ['mac', 'open -na "Google Chrome" --args --explicitly-allowed-ports=6000,6667'],
    ['linux', 'google-chrome --explicitly-allowed-ports=6000,6667'],
  ] as const)('gives the Chrome launch command on %s', (os, first) => {
    expect(chromiumOverride(os, [6000, 6667])[0]!.text).toBe(first);
  });

  it('shows what listens, per OS', () => {
    expect(listenerCommands(5173).map((command) => command.text)).toEqual([
      'lsof -nP -iTCP:5173 -sTCP:LISTEN',
      "ss -ltnp 'sport = :5173'",
      'netstat -ano | findstr :5173',
      'Get-NetTCPConnection -LocalPort 5173 -State Listen',
    ]);
  });

  it.each([
    ['Win32', 'windows'],
    ['MacIntel', 'mac'],
    ['Linux x86_64', 'linux'],
    ['', 'linux'],
  ])('reads the platform %j as %s', (platform, os) => {
    expect(osFromPlatform(platform)).toBe(os);
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
