import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enginesBlocking } from '../../../lib/ports/blocked';
import { HEALTHY_PAGE } from '../fixtures/pages';
import {
  launchFirefox,
  locationOf,
  openBlocked as explained,
  SENTINEL_MS,
  settle,
  startNavigation,
  type FirefoxSession,
} from '../support/firefox';
import { axeViolations } from '../support/axe';
import { expectCommandsPerTerminal } from '../support/commands';
import { POSTGRES_ERROR, startNotHttpServer } from '../support/real-servers';
import { startServer, type TestServer } from '../support/server';
import { expectShown, waitFor } from '../support/wait';

const text = (page: Page, selector: string) =>
  page.$eval(selector, (element) => (element as HTMLElement).innerText);

describe('Firefox: the explanation', () => {
  let session: FirefoxSession;
  let server: TestServer;

  beforeAll(async () => {
    server = await startServer({ '/': HEALTHY_PAGE });
    session = await launchFirefox();
  });

  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it('names 6000 and X11, and offers at least three ports no engine blocks [kind:blocked-port]', async () => {
    const page = await explained(session, 'http://localhost:6000/');
    expect(await text(page, 'h1')).toBe('Your browser blocked port 6000');
    await expectShown(page, '[data-testid="service"]', 'X11 window system');
    const ports = await page.$$eval('[data-testid="alternatives"] .port', (elements) =>
      elements.map((element) => Number(element.textContent)),
    );
    expect(ports.length).toBeGreaterThanOrEqual(3);
    for (const port of ports) expect(enginesBlocking(port)).toEqual([]);
    await expectShown(page, 'main', 'network.security.ports.banned.override');
    await page.close();
  });

  it('prints the commands for this terminal (Linux), PowerShell and cmd one click away, reserved ranges flagged', async () => {
    const page = await explained(session, 'http://localhost:6000/');
    await expectCommandsPerTerminal(page);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it.each([
    ['http://127.0.0.1:10080/', 'Your browser blocked port 10080'],
    ['https://localhost:6697/', 'Your browser blocked port 6697'],
    // Firefox blocks 4190 (ManageSieve), Chrome does not.
    ['http://localhost:4190/', 'Your browser blocked port 4190'],
  ])('explains %s', async (url, title) => {
    const page = await explained(session, url);
    expect(await text(page, 'h1')).toBe(title);
    await page.close();
  });

  it('says that Chrome does not block 4190', async () => {
    const page = await explained(session, 'http://localhost:4190/chrome');
    await expectShown(page, 'main', 'Not blocked by: Chrome, Edge and other Chromium browsers.');
    await page.close();
  });

  it('shows markup in the URL as text, and runs none of it', async () => {
    const url = 'http://localhost:6667/<img src=x onerror=alert(1)>?q=<script>alert(2)</script>';
    const page = await explained(session, url);
    const shown = await text(page, '[data-testid="failed-url"]');
    expect(shown).toContain('onerror=alert(1)');
    // The query is never shown outside the tab that failed (lib/core/bounded.ts), markup or not.
    expect(shown).not.toContain('script');
    expect(await page.$$eval('main img, main script', (elements) => elements.length)).toBe(0);
    await page.close();
  });

  it('lets Back leave the explanation instead of bouncing into it again, and a reload keeps it', async () => {
    const page = await session.newPage();
    await page.goto(server.origin);
    startNavigation(page, 'http://localhost:6668/');
    await waitFor(
      'the explanation page',
      async () => (await locationOf(page)).includes('/explain.html?'),
      SENTINEL_MS,
    );
    await waitFor('the headline', () => page.$eval('h1', (h1) => h1.textContent?.trim()));
    const loadedAt = await page.evaluate(() => performance.timeOrigin);
    await page.evaluate(() => void setTimeout(() => location.reload()));
    await waitFor('the reload', async () => (await page.evaluate(() => performance.timeOrigin)) !== loadedAt);
    await waitFor('the headline again', () => page.$('h1'));
    expect(await text(page, 'h1')).toBe('Your browser blocked port 6668');
    // Firefox replaces its error page's history entry with the explanation: Back goes to the page before.
    await page.evaluate(() => void setTimeout(() => history.back()));
    await waitFor('the page before', async () => (await locationOf(page)) === `${server.origin}/`);
    await settle(session);
    expect(await locationOf(page)).toBe(`${server.origin}/`);
    await page.close();
  });

  it('PostgreSQL on 5432: Firefox shows its binary answer as a page, so there is nothing to explain', async () => {
    const postgres = await startNotHttpServer(5432, POSTGRES_ERROR);
    const page = await session.newPage();
    try {
      await page.goto('http://localhost:5432/');
      expect(await page.evaluate(() => document.body.textContent)).toContain('unsupported frontend protocol');
      expect(await locationOf(page)).toBe('http://localhost:5432/');
    } finally {
      await page.close();
      await postgres.close();
    }
  });
});
