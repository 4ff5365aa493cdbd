/**
 * The failure kinds' cases only Chromium has, from real setups, in the production build: the toolbar button on a
 * page that loaded, 0.0.0.0 opened, Local Network Access, AirPlay through the deeper checks. The kinds every
 * engine shows the same way are rows of test/e2e/scenarios/kinds.ts.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe';
import {
  clickToolbarButton,
  explainEveryFailure,
  launchChromium,
  settle,
  type ChromiumSession,
} from '../support/chromium';
import type { ExtensionGlobals } from '../support/extension-api';
import {
  SERVED_TEXT,
  startEverywhereServer,
  startAirTunesStandIn,
  startAskingPage,
  startVite,
  VITE_APP_TEXT,
  type Running,
} from '../support/real-servers';
import { startServer, type TestServer } from '../support/server';
import { expectShown, waitFor } from '../support/wait';

const text = (page: Page, selector: string) =>
  page.$eval(selector, (element) => (element as HTMLElement).innerText);

describe('Chromium: failure kinds from real servers', () => {
  let session: ChromiumSession;
  const servers: Running[] = [];

  beforeAll(async () => {
    // The HTTPS server's certificate is made for this run: accepted, so that "Open with https://" shows its page.
    // devbox.test and myapp.dev reach this machine, as a hosts-file entry would make them.
    const names = ['devbox.test', 'myapp.dev'];
    const rules = names.map((name) => `MAP ${name} 127.0.0.1`).join(', ');
    session = await launchChromium({
      args: ['--ignore-certificate-errors', `--host-resolver-rules=${rules}`],
    });
    await explainEveryFailure(session);
  });

  afterAll(async () => {
    await session?.close();
    for (const server of servers) await server.close();
  });

  it('a real Vite reached as devbox.test: the toolbar button reads its 403, the explanation gives the allowedHosts line [kind:host-guard]', async () => {
    const vite = await startVite();
    try {
      const page = await session.newPage();
      const response = await page.goto(`http://devbox.test:${vite.port}/`);
      expect(response?.status()).toBe(403);
      // The page loads: nothing told Port Doctor, which says nothing until asked.
      await settle(session);
      expect(page.url()).toBe(`http://devbox.test:${vite.port}/`);
      const popup = await clickToolbarButton(session, page);
      await expectShown(
        popup,
        '[data-testid="tab-diagnosis"]',
        `The dev server on port ${vite.port} does not allow the name in this address`,
      );
      const opened = session.browser.waitForTarget((target) => target.url().includes('/explain.html?'));
      // A popup closes as the tab its link opens takes the focus, sometimes before the click's last event.
      await popup.click('[data-testid="tab-diagnosis"] a').catch((error: unknown) => {
        if (!String(error).includes('Target closed')) throw error;
      });
      const explanation = (await (await opened).page())!;
      await expectShown(explanation, '.summary', 'devbox.test is not on its list');
      await expectShown(
        explanation,
        '[data-testid="checklist"]',
        "server: { allowedHosts: ['devbox.test'] }",
      );
      expect(await axeViolations(explanation)).toEqual([]);
      await explanation.click('[data-testid="use-localhost"]');
      await waitFor('Vite on localhost', async () => explanation.url() === `http://localhost:${vite.port}/`);
      await expectShown(explanation, '#app', VITE_APP_TEXT);
      for (const open of [page, popup, explanation]) await open.close().catch(() => undefined);
    } finally {
      await vite.stop();
    }
  });

  it('http://0.0.0.0:P and http://[::]:P: Chromium on Linux opens them, so Port Doctor says nothing', async () => {
    const everywhere = await startEverywhereServer();
    servers.push(everywhere);
    for (const host of ['0.0.0.0', '[::]']) {
      const page = await session.newPage();
      const response = await page.goto(`http://${host}:${everywhere.port}/`);
      expect(response?.status()).toBe(200);
      await settle(session);
      expect(page.url()).toBe(`http://${host}:${everywhere.port}/`);
      expect(await text(page, '#app')).toBe(SERVED_TEXT);
      await page.close();
    }
  });
});

describe('Chromium: a public page framing a local server (Local Network Access)', () => {
  let session: ChromiumSession;
  let local: TestServer;
  let asking: Running;

  beforeAll(async () => {
    local = await startServer({ '/framed': '<p>local app</p>' });
    asking = await startAskingPage(local.origin);
    // Chromium's testing switch: this one local page counts as the internet.
    session = await launchChromium({
      args: [`--ip-address-space-overrides=127.0.0.1:${asking.port}=public`],
    });
  });

  afterAll(async () => {
    await session?.close();
    await asking?.close();
    await local?.close();
  });

  it('badges the tab, and the popup and explanation say how to allow it [kind:lna-denied]', async () => {
    const page = await session.newPage();
    await page.goto(`http://127.0.0.1:${asking.port}/frame`);
    const framed = `${local.origin}/framed`;
    const failure = await waitFor('the refused frame', async () => {
      const stored = await session.inWorker(() =>
        (globalThis as unknown as ExtensionGlobals).chrome.storage.session.get('tabFailures'),
      );
      return Object.values(
        (stored.tabFailures ?? {}) as Record<string, { url: string; kind: string; tabId: number }[]>,
      )
        .flat()
        .find((candidate) => candidate.url === framed);
    });
    expect(failure.kind).toBe('lna-denied');
    expect(local.hits.get('/framed') ?? 0).toBe(0);
    const badge = await session.inWorker(
      (tabId: number) => (globalThis as unknown as ExtensionGlobals).chrome.action.getBadgeText({ tabId }),
      failure.tabId,
    );
    expect(badge).toBe('!');

    await page.goto(session.extensionUrl('/popup.html'));
    await expectShown(
      page,
      '[data-testid="tab-diagnosis"]',
      `Chrome did not let this page reach your local server on port ${local.port}`,
    );
    const opened = session.browser.waitForTarget((target) => target.url().includes('/explain.html?'));
    await page.click('[data-testid="tab-diagnosis"] a');
    const explanation = (await (await opened).page())!;
    await expectShown(explanation, '[data-testid="checklist"]', 'allow="loopback-network"');
    await expectShown(explanation, '.summary', 'Since Chrome 142');
    expect(await axeViolations(explanation)).toEqual([]);
    await explanation.close();
    await page.close();
  });
});

describe('Chromium with the deeper checks on: AirPlay Receiver on port 7000', () => {
  let session: ChromiumSession;
  let airplay: Running;

  beforeAll(async () => {
    airplay = await startAirTunesStandIn(7000);
    session = await launchChromium({ deeperChecks: true });
    await explainEveryFailure(session);
  });

  afterAll(async () => {
    await session?.close();
    await airplay?.close();
  });

  it('explains that AirPlay answered, how to switch it off, and which port to use [kind:airplay]', async () => {
    const page = await session.newPage();
    await page.goto('http://localhost:7000/').catch(() => undefined);
    await waitFor('the explanation page', async () => page.url().includes('/explain.html?'));
    await expectShown(page, 'h1', 'AirPlay Receiver answered on port 7000, not your app');
    await expectShown(page, '[data-testid="checklist"]', 'AirDrop & Handoff');
    await page.waitForSelector('[data-testid="alternatives"] .port');
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});
