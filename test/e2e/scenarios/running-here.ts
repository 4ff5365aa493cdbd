/**
 * Issue #25, "Running here": the popup lists the servers answering on this machine's loopback addresses, named
 * by the evidence in their answers, in every engine. Real servers started by the test, on ports the OS picked,
 * added to the user's preferred ports (the scan asks those first, as it does the usual dev ports).
 */
import type { Page } from 'puppeteer-core';
import { expect } from 'vitest';
import { axeViolations } from '../support/axe.ts';
import { ENGINES, launchDriver, type BrowserDriver } from '../support/driver.ts';
import {
  startIpv6OnlyServer,
  startPythonHttpServer,
  startVite,
  type Running,
} from '../support/real-servers.ts';
import { devServersInstalled, REAL_SERVERS, type RealServer } from '../support/dev-servers.ts';
import type { Tool } from '../support/processes.ts';
import { startServer, type TestServer } from '../support/server.ts';
import { waitFor } from '../support/wait.ts';
import { suite, type Suite } from './scenario.ts';

interface Row {
  port: number;
  open: string;
  tool: string;
  title: string;
  note: string;
}

async function rows(popup: Page): Promise<Row[]> {
  return popup.$$eval('[data-testid="running-row"]', (items) =>
    items.map((item) => {
      const text = (id: string) => item.querySelector(`[data-testid="${id}"]`)?.textContent?.trim() ?? '';
      return {
        port: Number(item.getAttribute('data-port')),
        open: text('running-open'),
        tool: text('running-tool'),
        title: text('running-title-text'),
        note: text('running-note'),
      };
    }),
  );
}

interface Some {
  driver: BrowserDriver;
  vite: Tool;
  python: Tool;
  v6: Running;
  plain: TestServer;
}

const ports = ({ vite, python, v6, plain }: Some) => [vite.port, python.port, v6.port, plain.port];

const some = suite<Some>({
  title: 'the popup lists what runs here, named by evidence',
  start: async (engine) => {
    const [vite, python, v6, plain] = await Promise.all([
      startVite(),
      startPythonHttpServer(),
      startIpv6OnlyServer(),
      startServer({ '/': '<!doctype html><title>Inventory admin</title><p>hi</p>' }),
    ]);
    const context = { driver: await launchDriver(engine), vite, python, v6, plain };
    await context.driver.storeSettings({ scanPorts: ports(context) });
    return context;
  },
  stop: async ({ driver, vite, python, v6, plain }) => {
    await driver.storeSettings({});
    await driver.close();
    await vite.stop();
    await python.stop();
    await v6.close();
    await plain.close();
  },
  scenarios: [
    {
      title:
        'Vite, python -m http.server, a server on ::1 only and an unknown one, each with its title; nothing off loopback',
      engines: ENGINES,
      run: async (context) => {
        const { driver, vite, python, v6, plain } = context;
        const popup = await driver.openExtensionPage('/popup.html');
        const found = await waitFor('the scan to find the four servers', async () => {
          const listed = await rows(popup);
          return ports(context).every((port) => listed.some((row) => row.port === port)) && listed;
        });
        const at = (port: number) => found.find((row) => row.port === port);
        expect(at(vite.port)).toMatchObject({
          open: `127.0.0.1:${vite.port}`,
          tool: 'Vite',
          title: 'dev app',
          note: 'only on 127.0.0.1 (IPv4)',
        });
        expect(at(python.port)).toMatchObject({
          tool: 'python -m http.server',
          title: 'Directory listing for /',
        });
        expect(at(v6.port)).toMatchObject({ open: `[::1]:${v6.port}`, note: 'only on [::1] (IPv6)' });
        expect(at(plain.port)).toMatchObject({ tool: 'a web server', title: 'Inventory admin' });
        for (const row of found) expect(row.open).toMatch(/^(localhost|127\.0\.0\.1|\[::1\]):\d+$/);
        expect(await axeViolations(popup)).toEqual([]);
        await popup.close();
      },
    },
    {
      title: 'asks nothing when turned off in the options, and leaves no room for it',
      engines: ENGINES,
      run: async (context) => {
        const { driver, plain } = context;
        await driver.storeSettings({ runningHere: false, scanPorts: [plain.port] });
        const before = plain.requests.length;
        try {
          const popup = await driver.openExtensionPage('/popup.html');
          // The sentinel: the list decided from the settings, before any request could be planned.
          await popup.waitForSelector('[data-testid="running-here"][data-phase="off"]');
          expect(await popup.$eval('#running', (box) => box.getBoundingClientRect().height)).toBe(0);
          expect(plain.requests.length).toBe(before);
          await popup.close();
        } finally {
          await driver.storeSettings({ scanPorts: ports(context) });
        }
      },
    },
  ],
});

interface Real {
  driver: BrowserDriver;
  running: { server: RealServer; tool: Tool }[];
}

const real = suite<Real>({
  title: 'every real dev server, named by its own answer',
  start: async (engine) => {
    devServersInstalled();
    const running = await Promise.all(
      REAL_SERVERS.map(async (server) => ({ server, tool: await server.start() })),
    );
    const driver = await launchDriver(engine);
    await driver.storeSettings({ scanPorts: running.map(({ tool }) => tool.port) });
    return { driver, running };
  },
  stop: async ({ driver, running }) => {
    await driver.storeSettings({});
    await driver.close();
    await Promise.all(running.map(({ tool }) => tool.stop()));
  },
  scenarios: [
    {
      title: 'lists each with its tool and its title',
      engines: ENGINES,
      run: async ({ driver, running }) => {
        const popup = await driver.openExtensionPage('/popup.html');
        const listed = await waitFor('the scan to list every server', async () => {
          const found = await rows(popup);
          return running.every(({ tool }) => found.some((row) => row.port === tool.port)) && found;
        });
        const shown = running.map(({ server, tool }) => {
          const row = listed.find((item) => item.port === tool.port);
          return [server.tool, row?.tool, row?.title];
        });
        expect(shown).toEqual(running.map(({ server }) => [server.tool, server.tool, server.title]));
        await popup.close();
      },
    },
  ],
});

export const RUNNING_HERE: Suite[] = [some, real];
