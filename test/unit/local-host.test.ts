import { describe, expect, it } from 'vitest';
import { isLocalHost, isLoopbackHost } from '@/lib/core/local-host';

describe('isLocalHost', () => {
  it.each([
    'localhost',
    'LOCALHOST',
    'app.localhost',
    'localhost.',
    '127.0.0.1',
    '127.1.2.3',
    '[::1]',
    '::1',
    '0.0.0.0',
    '10.0.0.5',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.20',
    '169.254.1.1',
    '[fd12:3456::1]',
    '[fe80::1]',
  ])('%s is local', (host) => {
    expect(isLocalHost(host)).toBe(true);
  });

  it.each([
    'example.com',
    'localhost.example.com',
    '172.32.0.1',
    '172.15.0.1',
    '192.169.0.1',
    '8.8.8.8',
    '[2001:db8::1]',
    '256.0.0.1',
    '127.0.0',
  ])('%s is not', (host) => {
    expect(isLocalHost(host)).toBe(false);
  });
});

describe('isLoopbackHost: this machine only', () => {
  it.each([
    ['localhost', true],
    ['LOCALHOST.', true],
    ['app.localhost', true],
    ['127.0.0.1', true],
    ['127.255.0.9', true],
    ['[::1]', true],
    ['::1', true],
    // Names no host: loopback on some systems only.
    ['0.0.0.0', false],
    ['[::]', false],
    ['10.0.0.1', false],
    ['192.168.1.1', false],
    ['169.254.169.254', false],
    ['[fe80::1]', false],
    // A name may resolve to 127.0.0.1, but nothing here can know it.
    ['devbox.test', false],
    ['localhost.example.com', false],
    ['127.0.0.1.nip.io', false],
    ['[::ffff:7f00:1]', false],
  ])('%s -> %s', (host, loopback) => {
    expect(isLoopbackHost(host)).toBe(loopback);
  });
});
