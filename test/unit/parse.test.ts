import { describe, expect, it } from 'vitest';
import { MAX_INPUT, parsePortInput, type ParseError, type Target } from '@/lib/ports/parse';

const valid: [string, Target][] = [
  ['6000', { port: 6000, explicitPort: true }],
  [':6000', { port: 6000, explicitPort: true }],
  ['0', { port: 0, explicitPort: true }],
  ['65535', { port: 65535, explicitPort: true }],
  ['06000', { port: 6000, explicitPort: true }],
  ['  6000\t', { port: 6000, explicitPort: true }],
  ['６０００', { port: 6000, explicitPort: true }],
  ['：６６６７', { port: 6667, explicitPort: true }],
  ['localhost:6000', { port: 6000, host: 'localhost', explicitPort: true }],
  ['LOCALHOST:6000', { port: 6000, host: 'localhost', explicitPort: true }],
  ['localhost：６０００', { port: 6000, host: 'localhost', explicitPort: true }],
  ['127.0.0.1:6000', { port: 6000, host: '127.0.0.1', explicitPort: true }],
  ['[::1]:6000', { port: 6000, host: '[::1]', explicitPort: true }],
  ['[::1]:10080', { port: 10080, host: '[::1]', explicitPort: true }],
  ['app.localhost:5173/path', { port: 5173, host: 'app.localhost', explicitPort: true }],
  ['example.com:443/a?b#c', { port: 443, host: 'example.com', explicitPort: true }],
  ['http://localhost:6000/path?q', { port: 6000, host: 'localhost', scheme: 'http:', explicitPort: true }],
  ['http://localhost:4190/', { port: 4190, host: 'localhost', scheme: 'http:', explicitPort: true }],
  ['https://localhost:6697/', { port: 6697, host: 'localhost', scheme: 'https:', explicitPort: true }],
  ['https://example.com', { port: 443, host: 'example.com', scheme: 'https:', explicitPort: false }],
  ['http://example.com', { port: 80, host: 'example.com', scheme: 'http:', explicitPort: false }],
  ['HTTP://EXAMPLE.COM:8080', { port: 8080, host: 'example.com', scheme: 'http:', explicitPort: true }],
  ['ws://localhost:6667/socket', { port: 6667, host: 'localhost', scheme: 'ws:', explicitPort: true }],
  ['wss://example.com/socket', { port: 443, host: 'example.com', scheme: 'wss:', explicitPort: false }],
  ['http://[::1]:10080/', { port: 10080, host: '[::1]', scheme: 'http:', explicitPort: true }],
  [
    'http://user:pass@localhost:6000/',
    { port: 6000, host: 'localhost', scheme: 'http:', explicitPort: true },
  ],
  [
    'http://localhost:6000/<script>alert(1)</script>',
    { port: 6000, host: 'localhost', scheme: 'http:', explicitPort: true },
  ],
];

const invalid: [string, ParseError][] = [
  ['', 'empty'],
  ['   ', 'empty'],
  ['99999', 'out-of-range'],
  ['65536', 'out-of-range'],
  ['123456789012345678901234567890', 'out-of-range'],
  ['-1', 'out-of-range'],
  ['+80', 'out-of-range'],
  ['6000abc', 'not-a-number'],
  ['1e3', 'not-a-number'],
  ['0x10', 'not-a-number'],
  ['6000.5', 'not-a-number'],
  ['localhost:6000abc', 'not-a-number'],
  ['localhost:abc', 'not-a-number'],
  ['http://localhost:99999/', 'out-of-range'],
  ['http://localhost:abc/', 'not-a-number'],
  ['javascript:alert(1)', 'unsupported-scheme'],
  ['JavaScript:alert(1)', 'unsupported-scheme'],
  ['data:text/html,<b>x</b>', 'unsupported-scheme'],
  ['mailto:dev@example.com', 'unsupported-scheme'],
  ['ftp://localhost:21/', 'unsupported-scheme'],
  ['file:///etc/passwd', 'unsupported-scheme'],
  ['chrome://settings', 'unsupported-scheme'],
  ['localhost', 'no-port'],
  ['localhost:', 'no-port'],
  ['127.0.0.1', 'no-port'],
  ['[::1]', 'no-port'],
  ['http://', 'invalid'],
  ['a b', 'invalid'],
  ['6000\u0000', 'invalid'],
  ['local\nhost:6000', 'invalid'],
  ['x'.repeat(MAX_INPUT + 1), 'too-long'],
  ['6'.repeat(10_000), 'too-long'],
  ['a'.repeat(10_240), 'too-long'],
];

describe('parsePortInput', () => {
  it('has a table of at least 40 inputs', () => {
    expect(valid.length + invalid.length).toBeGreaterThanOrEqual(40);
  });

  it.each(valid)('reads %j', (input, target) => {
    expect(parsePortInput(input)).toEqual({ ok: true, target });
  });

  it.each(
    invalid.map(([input, error]) => [
      input.length > 60 ? `${input.slice(0, 20)}… (${input.length} chars)` : input,
      input,
      error,
    ]),
  )('refuses %j', (_label, input, error) => {
    expect(parsePortInput(input)).toEqual({ ok: false, error });
  });
});
