import { describe, expect, it } from 'vitest';
import { explainPageUrl, readExplainParams } from '@/lib/view/explain-link';

describe('explanation page address', () => {
  it.each([
    'http://localhost:6000/',
    'http://localhost:6000/a b?c=d&e=<f>#g',
    'https://[::1]:6697/路径?키=값',
  ])('round-trips %s', (url) => {
    const link = explainPageUrl('chrome-extension://id/explain.html', { url, code: 'net::ERR_UNSAFE_PORT' });
    expect(link.startsWith('chrome-extension://id/explain.html?')).toBe(true);
    expect(readExplainParams(new URL(link).search)).toEqual({ url, code: 'net::ERR_UNSAFE_PORT' });
  });

  it('returns null when there is no URL to explain', () => {
    expect(readExplainParams('')).toBeNull();
    expect(readExplainParams('?code=x')).toBeNull();
  });
});
