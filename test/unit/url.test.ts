import { describe, expect, it } from 'vitest';
import { effectivePort, isWebUrl, safeUrl } from '@/lib/core/url';

describe('url helpers', () => {
  it.each([
    ['http://localhost/', 80],
    ['https://localhost/', 443],
    ['ws://localhost/', 80],
    ['wss://localhost/', 443],
    ['http://localhost:6000/', 6000],
    ['https://localhost:443/', 443],
    ['http://localhost:0/', 0],
    ['ftp://localhost:21/', null],
    ['file:///tmp/x', null],
  ])('effectivePort(%s) = %j', (text, port) => {
    expect(effectivePort(safeUrl(text)!)).toBe(port);
  });

  it('never throws on bad input', () => {
    expect(safeUrl('::::')).toBeNull();
    expect(safeUrl('')).toBeNull();
  });

  it.each([
    ['http://localhost:6000/', true],
    ['https://example.com', true],
    ['javascript:alert(1)', false],
    ['data:text/html,hi', false],
    ['chrome://settings', false],
    ['nonsense', false],
  ])('isWebUrl(%s) = %s', (text, expected) => {
    expect(isWebUrl(text)).toBe(expected);
  });
});
