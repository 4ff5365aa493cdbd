import { describe, expect, it } from 'vitest';
import { shortUrl } from '@/lib/core/short-url';

describe('shortUrl: an address as a developer writes it', () => {
  it.each([
    ['http://localhost:6000/', { where: 'localhost:6000', rest: '' }],
    ['http://localhost:6665/history', { where: 'localhost:6665', rest: '/history' }],
    ['https://localhost:6697/', { where: 'https://localhost:6697', rest: '' }],
    ['http://[::1]:10080/a?b=1', { where: '[::1]:10080', rest: '/a?b=1' }],
    ['ws://127.0.0.1:6667/socket', { where: 'ws://127.0.0.1:6667', rest: '/socket' }],
    ['http://devbox.test/', { where: 'devbox.test', rest: '' }],
    ['not a url', { where: 'not a url', rest: '' }],
  ])('%s', (text, expected) => {
    expect(shortUrl(text)).toEqual(expected);
  });
});
