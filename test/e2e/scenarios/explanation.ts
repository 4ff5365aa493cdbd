/**
 * The explanation of a blocked port, in every engine: what it names, the ports it offers, the commands it
 * prints, what it says of versions and of the other engine, a URL carrying markup, Back and reload.
 */
import type { Page } from 'puppeteer-core';
import { expect } from 'vitest';
import { enginesBlocking } from '../../../lib/ports/blocked.ts';
import { HEALTHY_PAGE } from '../fixtures/pages.ts';
import { axeViolations } from '../support/axe.ts';
import { expectCommandsPerTerminal } from '../support/commands.ts';
import { ENGINES, launchDriver, type BrowserDriver, type Engine } from '../support/driver.ts';
import { reload } from '../support/reload.ts';
import { startServer, type TestServer } from '../support/server.ts';
import { text } from '../support/text.ts';
import { expectShown, waitFor } from '../support/wait.ts';
import { suite, type Scenario } from './scenario.ts';

interface Explanation {
  driver: BrowserDriver;
  /** A page to come from, for Back. */
  server: TestServer;
}

/** How the user re-allows a port in this browser, which the explanation shows. */
const OVERRIDE: Record<Engine, string> = {
  chromium: '--explicitly-allowed-ports=6000',
  firefox: 'network.security.ports.banned.override',
};

/**
 * 4190 (ManageSieve) is on Fetch's list, which Firefox follows, and not on Chromium's: each browser's own verdict
 * (nothing listens there, so Chromium refuses the connection, and shows its own error page by default).
 */
const PORT_4190: Record<Engine, { kind: string; error?: string }> = {
  chromium: { kind: 'connection-refused', error: 'ERR_CONNECTION_REFUSED' },
  firefox: { kind: 'blocked-port' },
};

/** Back from the explanation: one more Back at most to the page before (Chromium may keep the refused URL's entry). */
const EXTRA_BACKS: Record<Engine, number> = { chromium: 1, firefox: 0 };

const alternatives = (page: Page) =>
  page.$$eval('[data-testid="alternatives"] .port', (ports) => ports.map((port) => Number(port.textContent)));

const scenarios: Scenario<Explanation>[] = [
  {
    title:
      'names 6000 and X11, offers at least three ports no engine blocks, each probed, and how to re-allow it here [kind:blocked-port]',
    engines: ENGINES,
    run: async ({ driver }) => {
      const page = await driver.openExplained('http://localhost:6000/');
      expect(await text(page, 'h1')).toBe('Your browser blocked port 6000');
      await expectShown(page, '[data-testid="service"]', 'X11 window system');
      const ports = await alternatives(page);
      expect(ports.length).toBeGreaterThanOrEqual(3);
      for (const port of ports) expect(enginesBlocking(port)).toEqual([]);
      await waitFor(
        'the probes',
        async () => (await text(page, `[data-testid="probe-${ports[0]}"]`)) === 'free',
      );
      await expectShown(page, 'main', OVERRIDE[driver.engine]);
      await page.close();
    },
  },
  ...(
    [
      ['http://127.0.0.1:10080/', 'Your browser blocked port 10080', 'Amanda'],
      ['https://localhost:6697/', 'Your browser blocked port 6697', 'IRC'],
    ] as const
  ).map(([url, title, service]): Scenario<Explanation> => ({
    title: `explains ${url}`,
    engines: ENGINES,
    run: async ({ driver }) => {
      const page = await driver.openExplained(url);
      expect(await text(page, 'h1')).toBe(title);
      await expectShown(page, '[data-testid="service"]', service);
      await page.close();
    },
  })),
  {
    title:
      'prints the commands for this terminal (Linux), PowerShell and cmd one click away, reserved ranges flagged',
    engines: ENGINES,
    run: async ({ driver }) => {
      const page = await driver.openExplained('http://localhost:6000/');
      await expectCommandsPerTerminal(page);
      expect(await axeViolations(page)).toEqual([]);
      await page.close();
    },
  },
  {
    title: '6566: Chrome 88 added it (the M88 branch), and no earlier Chrome version is named anywhere',
    engines: ENGINES,
    run: async ({ driver }) => {
      const page = await driver.openExplained('http://localhost:6566/');
      await expectShown(page, 'main', 'since Chrome 88');
      expect(await text(page, 'main')).not.toMatch(/Chrome ([1-9]|[1-7]\d|8[0-7])\b/);
      await page.close();
    },
  },
  {
    title: "4190, which Firefox blocks and Chrome does not: this browser's own verdict, and the other's",
    engines: ENGINES,
    run: async ({ driver }) => {
      const url = 'http://localhost:4190/';
      const expected = PORT_4190[driver.engine];
      const page = await driver.newPage();
      driver.startNavigation(page, url);
      const failure = await waitFor('the failure to be recorded', async () =>
        (await driver.failures()).find((candidate) => candidate.url === url),
      );
      expect(failure.kind).toBe(expected.kind);
      if (expected.error === undefined) {
        await driver.explained(page);
        expect(await text(page, 'h1')).toBe('Your browser blocked port 4190');
        await expectShown(page, 'main', 'Not blocked by: Chrome, Edge and other Chromium browsers.');
      } else {
        expect(await driver.errorPage(page)).toBe(expected.error);
        await driver.settle();
        expect(await driver.locationOf(page)).not.toContain('/explain.html');
      }
      await page.close();
    },
  },
  {
    title: 'shows markup in the URL as text, and runs none of it',
    engines: ENGINES,
    run: async ({ driver }) => {
      const page = await driver.newPage();
      let dialogs = 0;
      page.on('dialog', (dialog) => {
        dialogs++;
        void dialog.dismiss();
      });
      await driver.navigateFailing(
        page,
        'http://localhost:6667/<img src=x onerror=alert(1)>?q=<script>alert(2)</script>',
      );
      await driver.explained(page);
      const shown = await waitFor('the failed URL', () =>
        page.$eval('[data-testid="failed-url"]', (element) => element.textContent),
      );
      const reported = (await driver.failures()).find((failure) =>
        failure.url.startsWith('http://localhost:6667/'),
      );
      expect(shown).toBe(reported?.url);
      expect(shown).toContain('onerror=alert(1)');
      // The query is never shown outside the tab that failed (lib/core/bounded.ts), markup or not.
      expect(shown).not.toContain('script');
      expect(await page.$$eval('main img, main script', (elements) => elements.length)).toBe(0);
      await driver.settle();
      expect(dialogs).toBe(0);
      await page.close();
    },
  },
  {
    title: 'lets Back leave the explanation instead of bouncing into it again',
    engines: ENGINES,
    run: async ({ driver, server }) => {
      const before = `${server.origin}/`;
      const page = await driver.newPage();
      const back = () => page.evaluate(() => void setTimeout(() => history.back()));
      await page.goto(before);
      await driver.navigateFailing(page, 'http://localhost:6000/back');
      // The explanation painted (its document is the one Back leaves), then Back once the evaluation has
      // returned: a navigation while Puppeteer waits for its answer destroys the context it is waiting in.
      await driver.explained(page, '6000%2Fback');
      await back();
      await waitFor(
        'Back to leave the explanation',
        async () => !(await driver.locationOf(page)).includes('/explain.html'),
      );
      await driver.settle();
      expect(await driver.locationOf(page)).not.toContain('/explain.html');
      // Back lands on the refused URL (when Chromium kept an entry for it) or, when Port Doctor replaced the
      // navigation as it started or Firefox replaced its error page's entry with the explanation, straight on
      // the page before.
      let extra = 0;
      if ((await driver.locationOf(page)) !== before) {
        extra++;
        await back();
      }
      expect(extra).toBeLessThanOrEqual(EXTRA_BACKS[driver.engine]);
      await waitFor('the page before', async () => (await driver.locationOf(page)) === before);
      await page.close();
    },
  },
  {
    title: 'reloading the explanation keeps its content',
    engines: ENGINES,
    run: async ({ driver }) => {
      const page = await driver.openExplained('http://localhost:5060/');
      await reload(page);
      await waitFor('the headline', () => page.$eval('h1', (h1) => h1.textContent?.trim()));
      expect(await text(page, 'h1')).toBe('Your browser blocked port 5060');
      await page.close();
    },
  },
];

export const EXPLANATION = [
  suite<Explanation>({
    title: 'the explanation',
    start: async (engine) => ({
      server: await startServer({ '/': HEALTHY_PAGE }),
      driver: await launchDriver(engine),
    }),
    stop: async ({ driver, server }) => {
      await driver.close();
      await server.close();
    },
    scenarios,
  }),
];
