/**
 * Chromium only: a page's own requests reach the extension only there (webRequest, the deeper checks); Firefox
 * reports none, so it would stay calm for want of hearing anything.
 * No noise: a real Vite dev server stopped under its open page. Vite's client then tries the dead server again
 * and again; Port Doctor, deeper checks on and explanations asked for, must leave the page alone: no explanation,
 * no card, no badge, nothing kept.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explainEveryFailure, launchChromium, settle, type ChromiumSession } from '../support/chromium';
import type { ExtensionGlobals } from '../support/extension-api';
import { startVite } from '../support/real-servers';

describe('Chromium: a real Vite dev server stopped under its open page', () => {
  let session: ChromiumSession;

  beforeAll(async () => {
    session = await launchChromium({ deeperChecks: true });
    await explainEveryFailure(session);
  });

  afterAll(async () => {
    await session?.close();
  });

  it("stays calm while Vite's client polls: the page stays, nothing is badged, carded or kept", async () => {
    const vite = await startVite();
    const page = await session.newPage();
    // Vite's client says "[vite] connected." once its socket is open: only a connected client notices the
    // server go and polls (a run that stopped the server before that waited for the poll forever).
    const lines: string[] = [];
    const said = (text: string) =>
      new Promise<void>((done) => {
        if (lines.some((line) => line.includes(text))) done();
        page.on('console', (message) => {
          if (message.text().includes(text)) done();
        });
      });
    page.on('console', (message) => void lines.push(message.text()));
    const connected = said('[vite] connected');
    await page.goto(`${vite.origin}/`);
    await connected;
    // The sentinel that Vite's client noticed and polls: its own console line. (Its pings reach neither
    // webNavigation nor webRequest in Chromium 156: only the page's favicon refusal did, in a trial run.)
    const polling = said('Polling for restart');
    await vite.stop();
    await polling;
    await settle(session);

    expect(page.url()).toBe(`${vite.origin}/`);
    const tabId = await session.inWorker(async (origin: string) => {
      const { chrome } = globalThis as unknown as ExtensionGlobals;
      const tabs = await chrome.tabs.query({});
      return tabs.find((tab) => tab.url?.startsWith(origin))?.id ?? -1;
    }, vite.origin);
    expect(tabId).toBeGreaterThan(0);
    const [badge, stored, history, explanations] = await session.inWorker(async (id: number) => {
      const { chrome } = globalThis as unknown as ExtensionGlobals;
      return [
        await chrome.action.getBadgeText({ tabId: id }),
        (await chrome.storage.session.get('tabFailures')).tabFailures as
          Record<string, unknown[]> | undefined,
        (await chrome.storage.local.get('history')).history as { url: string }[] | undefined,
        (await chrome.tabs.query({})).filter((tab) => tab.url?.includes('/explain.html')).length,
      ] as const;
    }, tabId);
    expect(badge).toBe('');
    expect(stored?.[String(tabId)] ?? []).toEqual([]);
    expect((history ?? []).filter((entry) => entry.url.startsWith(vite.origin))).toEqual([]);
    expect(explanations).toBe(0);
    expect(await page.$('port-doctor-overlay')).toBeNull();
    await page.close();
  });
});
