/**
 * Chromium only: a prerender (speculation rules) of a blocked port, which Chromium reports as an aborted
 * navigation of a document the user never sees; Firefox has no prerender.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prerenderPage } from '../fixtures/hostile';
import { badgeOf, launchChromium, settle, type ChromiumSession } from '../support/chromium';
import type { ExtensionGlobals } from '../support/extension-api';
import { startServer, type TestServer } from '../support/server';
import { waitFor } from '../support/wait';

describe('Chromium: a prerender the user never sees', () => {
  let session: ChromiumSession;
  let server: TestServer;

  beforeAll(async () => {
    server = await startServer({ '/prerender': prerenderPage('http://127.0.0.1:6000/prerendered') });
    session = await launchChromium({ unattached: 'no-devtools' });
  });

  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it('of a blocked port: Chromium reports it as an aborted prerender; nothing is badged, kept or injected', async () => {
    type Seen = { url: string; documentLifecycle?: string; error?: string; frameId: number }[];
    await session.inWorker(() => {
      const scope = globalThis as unknown as { seen: Seen; chrome: ExtensionGlobals['chrome'] };
      scope.seen = [];
      scope.chrome.webNavigation.onErrorOccurred.addListener((details) => void scope.seen.push(details));
    });
    const url = `${server.origin}/prerender?no-devtools`;
    await session.inWorker((target: string) => {
      const { chrome } = globalThis as unknown as ExtensionGlobals;
      return void chrome.tabs.create({ url: target });
    }, url);
    // Chromium's own report of the prerender: the sentinel that it was tried, and failed.
    const seen = await waitFor('the prerender to fail', async () => {
      const events = await session.inWorker(() => (globalThis as unknown as { seen: Seen }).seen);
      return events.find((event) => event.url === 'http://127.0.0.1:6000/prerendered');
    });
    expect(seen).toMatchObject({ documentLifecycle: 'prerender', error: 'net::ERR_ABORTED' });
    expect(seen.frameId).not.toBe(0);
    await settle(session);
    expect(await badgeOf(session, url)).toBe('');
    const kept = await session.inWorker(async () => {
      const { chrome } = globalThis as unknown as ExtensionGlobals;
      return JSON.stringify(await chrome.storage.session.get('tabFailures'));
    });
    expect(kept).not.toContain('prerendered');
    const injected = await session.inWorker(async (target: string) => {
      const { chrome } = globalThis as unknown as ExtensionGlobals;
      const tab = (await chrome.tabs.query({})).find((candidate) => candidate.url === target);
      const [result] = await chrome.scripting.executeScript({
        target: { tabId: tab!.id! },
        func: () => document.querySelectorAll('port-doctor-overlay').length,
      });
      return result?.result;
    }, url);
    expect(injected).toBe(0);
  });
});
