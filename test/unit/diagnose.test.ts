import { describe, expect, it } from 'vitest';
import { diagnoseBlockedUrl } from '@/lib/diagnose';

describe('diagnoseBlockedUrl', () => {
  it('names the port, service and host, this browser first', () => {
    expect(diagnoseBlockedUrl('http://localhost:6000/', 'net::ERR_UNSAFE_PORT', 'chromium')).toEqual({
      kind: 'blocked-port',
      url: 'http://localhost:6000/',
      host: 'localhost',
      port: 6000,
      code: 'net::ERR_UNSAFE_PORT',
      service: 'x11',
      engine: 'chromium',
      blockedBy: ['chromium', 'firefox', 'webkit', 'fetch', 'node'],
    });
    expect(diagnoseBlockedUrl('http://localhost:6000/', 'x', 'firefox')?.blockedBy).toEqual([
      'firefox',
      'chromium',
      'webkit',
      'fetch',
      'node',
    ]);
  });

  it('keeps a URL carrying markup as the exact text it was', () => {
    const url = 'http://localhost:6667/<img src=x onerror=alert(1)>?q=<script>alert(1)</script>';
    const diagnosis = diagnoseBlockedUrl(url, 'net::ERR_UNSAFE_PORT', 'chromium');
    expect(diagnosis?.url).toBe(url);
    expect(diagnosis?.port).toBe(6667);
  });

  it('reads IPv6 hosts and https ports', () => {
    expect(diagnoseBlockedUrl('https://[::1]:10080/', 'c', 'firefox')).toMatchObject({
      host: '[::1]',
      port: 10080,
    });
  });

  it.each(['', 'nonsense', 'http://localhost:5173/', 'https://example.com/', 'javascript:alert(1)'])(
    'has nothing to say about %j',
    (url) => {
      expect(diagnoseBlockedUrl(url, 'net::ERR_UNSAFE_PORT', 'chromium')).toBeNull();
    },
  );
});
