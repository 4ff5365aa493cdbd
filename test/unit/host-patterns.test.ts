import { describe, expect, it } from 'vitest';
import { isUnderPrivateSuffix, parseHostPattern } from '@/lib/core/host-patterns';
import { isLocalHost, matchesHostPatterns } from '@/lib/core/local-host';
import { importSettings } from '@/lib/state/settings/file';
import { validateSettings } from '@/lib/state/settings';

describe('parseHostPattern', () => {
  it.each([
    ['devbox.lan', 'devbox.lan'],
    ['DevBox.LAN.', 'devbox.lan'],
    ['*.test', '*.test'],
    ['*.dev.example.com', '*.dev.example.com'],
    ['192.168.1.20', '192.168.1.20'],
    ['[fd00::2]', '[fd00::2]'],
    ['my-host', 'my-host'],
  ])('%j -> %s', (input, pattern) => {
    expect(parseHostPattern(input)).toEqual({ ok: true, pattern });
  });

  it.each([
    ['', 'empty'],
    ['*', 'not-a-host'],
    ['*.', 'not-a-host'],
    ['*.*.test', 'not-a-host'],
    ['dev*.test', 'not-a-host'],
    ['http://devbox.lan', 'not-a-host'],
    ['devbox.lan:3000', 'not-a-host'],
    ['dev box', 'not-a-host'],
    ['-dev.lan', 'not-a-host'],
    ['<b>x</b>', 'not-a-host'],
    ['*.[fd00::2]', 'not-a-host'],
    ['[not-ipv6]', 'not-a-host'],
    ['a'.repeat(64), 'not-a-host'],
    // A wildcard over numbers would match IPv4 addresses by their last bytes.
    ['*.1', 'not-a-host'],
    ['*.0.0.1', 'not-a-host'],
    ['*.168.1.20', 'not-a-host'],
  ])('%j is refused: %s', (input, error) => {
    expect(parseHostPattern(input)).toEqual({ ok: false, error });
  });

  // A "*." pattern over a public suffix would make other people's sites local (stored whole, probed on a
  // click), and a settings file from anyone could carry one. Two labels are refused whatever they are;
  // only the Public Suffix List could tell example.com from co.uk (lib/core/host-patterns.ts, isNarrowDomain).
  it.each([
    '*.com',
    '*.COM.',
    '*.dev',
    '*.io',
    '*.kr',
    '*.arpa',
    '*.co.uk',
    '*.github.io',
    '*.vercel.app',
    '*.netlify.app',
    '*.co.kr',
    '*.com.au',
    '*.example.com',
  ])('%j is too broad', (input) => {
    expect(parseHostPattern(input)).toEqual({ ok: false, error: 'too-broad' });
  });

  it.each([
    '*.test',
    '*.localhost',
    '*.invalid',
    '*.example',
    '*.local',
    '*.internal',
    '*.intranet',
    '*.corp',
    '*.home',
    '*.lan',
    '*.private',
    '*.home.arpa',
    '*.nas.home.arpa',
    '*.dev.lan',
    '*.dev.example.com',
    '*.myapp.github.io',
    '*.shop.co.uk',
    'com',
    'github.io',
  ])('%j is narrow enough', (input) => {
    expect(parseHostPattern(input)).toEqual({ ok: true, pattern: input });
  });

  it('drops a stored "*.com" on read, and refuses it in an imported file', () => {
    const { settings, repaired } = validateSettings({ localHosts: ['*.com', '*.test', 'devbox.lan'] });
    expect(settings.localHosts).toEqual(['*.test', 'devbox.lan']);
    expect(repaired).toContain('localHosts');
    const file = { format: 'port-doctor-settings', version: 2, settings: { localHosts: ['*.com'] } };
    expect(importSettings(JSON.stringify(file))).toEqual({
      ok: false,
      error: { reason: 'invalid-fields', fields: ['localHosts'] },
    });
  });

  it.each(['*.co.uk', '*.github.io', '*.vercel.app'])(
    "refuses the review's %j in stored settings and in an imported file",
    (pattern) => {
      const { settings, repaired } = validateSettings({ localHosts: [pattern, '*.test'] });
      expect(settings.localHosts).toEqual(['*.test']);
      expect(repaired).toContain('localHosts');
      const file = { format: 'port-doctor-settings', version: 3, settings: { localHosts: [pattern] } };
      expect(importSettings(JSON.stringify(file))).toEqual({
        ok: false,
        error: { reason: 'invalid-fields', fields: ['localHosts'] },
      });
    },
  );
});

describe('isUnderPrivateSuffix', () => {
  it.each([
    ['devbox.test', true],
    ['test', true],
    ['a.b.internal', true],
    ['nas.home.arpa', true],
    ['home.arpa', true],
    ['printer.lan', true],
    ['myapp.localhost', true],
    ['example.com', false],
    ['test.example.com', false],
    ['lan.example.com', false],
    ['myhome.arpa', false],
    ['home.arpa.example.com', false],
    ['devbox', false],
  ])('%s: %s', (name, expected) => {
    expect(isUnderPrivateSuffix(name)).toBe(expected);
  });
});

describe('matchesHostPatterns and isLocalHost with the user patterns', () => {
  const patterns = ['*.test', 'devbox.lan', '192.168.50.5', '[fd00::2]'];
  it.each([
    ['app.test', true],
    ['a.b.app.test', true],
    ['test', true],
    ['contest', false],
    ['devbox.lan', true],
    ['DEVBOX.LAN', true],
    ['other.lan', false],
    ['[fd00::2]', true],
  ])('%s -> %s', (host, local) => {
    expect(matchesHostPatterns(host, patterns)).toBe(local);
  });

  it('adds to the built-in local hosts, never removes them', () => {
    expect(isLocalHost('app.test', patterns)).toBe(true);
    expect(isLocalHost('app.test')).toBe(false);
    expect(isLocalHost('localhost', [])).toBe(true);
    expect(isLocalHost('example.com', patterns)).toBe(false);
  });
});
