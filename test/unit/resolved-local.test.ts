import { describe, expect, it } from 'vitest';
import { isResolvedLocal, MAX_RESOLVED, readResolved, withResolved } from '@/lib/signals/resolved-local';

describe('names local by their address (lib/signals/resolved-local.ts)', () => {
  it.each([
    ['devbox.test', ['127.0.0.1'], [], true],
    ['devbox.test', ['::1'], [], true],
    ['nas.home', ['192.168.1.20'], [], true],
    ['nas.home', ['fd00::20', '203.0.113.9'], [], true],
    ['nas.home.arpa', ['192.168.1.20'], [], true],
    ['devbox.test.', ['127.0.0.1'], [], true],
    ['DevBox.Internal', ['10.0.0.5'], [], true],
    // A public address, or none, says nothing.
    ['example.com', ['93.184.215.14'], [], false],
    // Behind a LAN or local proxy Chrome's \`ip\` is the proxy's address. A public name
    // never turns local, whatever address it came with, in Chrome (ip) or Firefox (dns.resolve).
    ['example.com', ['127.0.0.1'], [], false],
    ['github.com', ['192.168.1.1'], [], false],
    ['bank.co.uk', ['10.0.0.1'], [], false],
    ['test.example.com', ['fd00::1'], [], false],
    ['lan.evil.app', ['192.168.0.2'], [], false],
    // A single label is under no suffix at all: nothing says it is private.
    ['devbox', ['192.168.1.20'], [], false],
    ['devbox.test', [], [], false],
    // Local by spelling or by the user's list already: nothing to learn.
    ['localhost', ['127.0.0.1'], [], false],
    ['127.0.0.1', ['127.0.0.1'], [], false],
    ['devbox.test', ['127.0.0.1'], ['*.test'], false],
    // Never a pattern: "*" is a valid URL host character but a wildcard in the list.
    ['*.com', ['127.0.0.1'], [], false],
    ['a b', ['127.0.0.1'], [], false],
  ])('%s at %j (user list %j): %s', (host, addresses, patterns, expected) => {
    expect(isResolvedLocal(host, addresses, patterns)).toBe(expected);
  });

  it('keeps each name once, newest last, within the bound', () => {
    expect(withResolved(['a.test', 'b.test'], 'A.test')).toEqual(['b.test', 'a.test']);
    const many = Array.from({ length: MAX_RESOLVED }, (_, index) => `n${index}.test`);
    const added = withResolved(many, 'new.test');
    expect(added).toHaveLength(MAX_RESOLVED);
    expect(added.at(-1)).toBe('new.test');
    expect(added[0]).toBe('n1.test');
  });

  it.each([
    [
      ['devbox.test', 'nas.home'],
      ['devbox.test', 'nas.home'],
    ],
    [['devbox.test', 42, null, '*.com', 'x'.repeat(300)], ['devbox.test']],
    // A public name kept by an earlier version of the extension is dropped on read.
    [['example.com', 'devbox.test', 'github.com'], ['devbox.test']],
    ['devbox.test', []],
    [undefined, []],
  ])('reads a stored %j as %j', (stored, expected) => {
    expect(readResolved(stored)).toEqual(expected);
  });
});
