import { describe, expect, it } from 'vitest';
import { detectChromeRequestError, detectFirefoxCommit, detectNavigationError } from '@/lib/kinds/detect';

const NOW = 1_700_000_000_000;

describe('detectNavigationError', () => {
  it.each([
    ['http://localhost:6000/', 0, 6000, 'main_frame'],
    ['https://localhost:6697/x?y', 0, 6697, 'main_frame'],
    ['http://127.0.0.1:10080/', 3, 10080, 'sub_frame'],
    ['http://[::1]:6667/', 0, 6667, 'main_frame'],
  ])('%s in frame %i is a blocked port %i (%s)', (url, frameId, port, resource) => {
    expect(
      detectNavigationError({ url, tabId: 7, frameId, error: 'net::ERR_UNSAFE_PORT' }, 'chromium', NOW),
    ).toEqual({
      kind: 'blocked-port',
      url,
      port,
      code: 'net::ERR_UNSAFE_PORT',
      engine: 'chromium',
      tabId: 7,
      frameId,
      resource,
      time: NOW,
    });
  });

  it.each([
    [
      'an error it does not explain',
      { url: 'http://localhost:6000/', tabId: 1, frameId: 0, error: 'net::ERR_ABORTED' },
    ],
    [
      'a refused connection on a remote host',
      { url: 'https://example.com:8443/', tabId: 1, frameId: 0, error: 'net::ERR_CONNECTION_REFUSED' },
    ],
    [
      "Firefox's blocked code, which never comes as an error event",
      { url: 'http://localhost:6000/', tabId: 1, frameId: 0, error: 'NS_ERROR_PORT_ACCESS_NOT_ALLOWED' },
    ],
    [
      'no tab (the extension itself)',
      { url: 'http://localhost:6000/', tabId: -1, frameId: 0, error: 'net::ERR_UNSAFE_PORT' },
    ],
    [
      // What Chromium 156 sends for a speculation-rules prerender of a blocked port (seen in the e2e test):
      // the real tab, a frame of its own, documentLifecycle 'prerender', and ERR_ABORTED.
      'a prerendered page',
      {
        url: 'http://127.0.0.1:6000/x',
        tabId: 3,
        frameId: 3,
        parentFrameId: -1,
        frameType: 'outermost_frame',
        documentLifecycle: 'prerender',
        error: 'net::ERR_ABORTED',
      },
    ],
    [
      'a page in the back/forward cache',
      {
        url: 'http://localhost:6000/',
        tabId: 3,
        frameId: 0,
        documentLifecycle: 'cached',
        error: 'net::ERR_UNSAFE_PORT',
      },
    ],
    ['a URL that does not parse', { url: 'not a url', tabId: 1, frameId: 0, error: 'net::ERR_UNSAFE_PORT' }],
    ['a non-web scheme', { url: 'ftp://localhost:21/', tabId: 1, frameId: 0, error: 'net::ERR_UNSAFE_PORT' }],
  ])('ignores %s', (_why, details) => {
    expect(detectNavigationError(details, 'chromium', NOW)).toBeNull();
  });
});

describe('detectChromeRequestError', () => {
  it('reports a page fetch with its resource type', () => {
    const failure = detectChromeRequestError(
      {
        url: 'http://127.0.0.1:6000/api',
        tabId: 2,
        frameId: 0,
        type: 'xmlhttprequest',
        error: 'net::ERR_UNSAFE_PORT',
      },
      NOW,
    );
    expect(failure).toMatchObject({ port: 6000, resource: 'xmlhttprequest', frameId: 0 });
  });

  it('reports a WebSocket on its ws:// port', () => {
    const failure = detectChromeRequestError(
      { url: 'ws://127.0.0.1:6667/', tabId: 2, frameId: 0, type: 'websocket', error: 'net::ERR_UNSAFE_PORT' },
      NOW,
    );
    expect(failure).toMatchObject({ port: 6667, resource: 'websocket' });
  });

  it('keeps who asked: the initiator decides what the card may show (lib/view/card.ts)', () => {
    const failure = detectChromeRequestError(
      {
        url: 'http://127.0.0.1:6000/api',
        tabId: 2,
        frameId: 0,
        type: 'fetch',
        error: 'net::ERR_UNSAFE_PORT',
        initiator: 'http://localhost:5173',
      },
      NOW,
    );
    expect(failure?.initiator).toBe('http://localhost:5173');
  });

  it('ignores a request of a prerendered page: the user is not looking at it', () => {
    expect(
      detectChromeRequestError(
        {
          url: 'http://127.0.0.1:6000/api',
          tabId: 2,
          frameId: 3,
          type: 'fetch',
          error: 'net::ERR_UNSAFE_PORT',
          documentLifecycle: 'prerender',
        },
        NOW,
      ),
    ).toBeNull();
  });

  it.each(['main_frame', 'sub_frame'])('leaves %s to webNavigation, which reports it once', (type) => {
    expect(
      detectChromeRequestError(
        { url: 'http://localhost:6000/', tabId: 2, frameId: 0, type, error: 'net::ERR_UNSAFE_PORT' },
        NOW,
      ),
    ).toBeNull();
  });
});

describe('detectFirefoxCommit', () => {
  it.each([
    ['http://localhost:6000/', 6000],
    ['http://127.0.0.1:10080/', 10080],
    ['http://localhost:4190/', 4190],
    ['http://localhost:6679/', 6679],
    ['http://localhost:0/', 0],
  ])('%s is a blocked port in Firefox', (url, port) => {
    expect(detectFirefoxCommit({ url, tabId: 3, frameId: 0 }, false, NOW)).toMatchObject({
      port,
      engine: 'firefox',
      code: 'NS_ERROR_PORT_ACCESS_NOT_ALLOWED',
    });
  });

  it.each(['http://localhost:5173/', 'http://localhost/', 'https://example.com/', 'about:blank'])(
    '%s is not',
    (url) => {
      expect(detectFirefoxCommit({ url, tabId: 3, frameId: 0 }, false, NOW)).toBeNull();
    },
  );
});

describe('local failures', () => {
  it.each([
    ['http://localhost:5173/', 'net::ERR_CONNECTION_REFUSED', 'chromium', 'connection-refused'],
    ['http://127.0.0.1:6001/', 'Error code 2152398861', 'firefox', 'connection-refused'],
    ['https://localhost:5173/', 'net::ERR_SSL_PROTOCOL_ERROR', 'chromium', 'tls-to-http'],
    ['http://localhost:5432/', 'net::ERR_INVALID_HTTP_RESPONSE', 'chromium', 'not-http'],
  ] as const)('%s with %s is %s', (url, error, engine, kind) => {
    expect(detectNavigationError({ url, tabId: 4, frameId: 0, error }, engine, NOW)).toMatchObject({
      kind,
      engine,
      code: error,
    });
  });
});

describe('Firefox, the user unblocked the port in about:config', () => {
  it('is quiet when the load had started: Firefox fires no onBeforeNavigate for a port it refuses', () => {
    expect(
      detectFirefoxCommit({ url: 'http://localhost:6000/', tabId: 3, frameId: 0 }, true, NOW),
    ).toBeNull();
  });
});
