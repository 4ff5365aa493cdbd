/**
 * Issue #25, "moved": a real Vite app opened on its port, stopped, and started again while that port is busy,
 * so that Vite takes the next one, as it does by itself (no --strictPort). The old port now refuses: the
 * explanation names the app it remembered there and offers where it answers now. Every engine.
 */
import { expect } from 'vitest';
import { ENGINES, launchDriver, type BrowserDriver } from '../support/driver.ts';
import { freePortPair, holdPort, type Tool } from '../support/processes.ts';
import { startPythonHttpServer, startVite, VITE_APP_TEXT } from '../support/real-servers.ts';
import { expectShown, waitFor } from '../support/wait.ts';
import { suite, type Suite } from './scenario.ts';

const refuses = (origin: string) =>
  fetch(origin).then(
    () => false,
    () => true,
  );

interface Moved {
  driver: BrowserDriver;
  /** The Vite a scenario started, stopped with the suite if the scenario failed. */
  vite?: Tool;
}

const moved = suite<Moved>({
  title: 'an app that moved to the next port',
  start: async (engine) => {
    const driver = await launchDriver(engine);
    // The user's choice that a refused local page goes to its explanation (by default the badge says it).
    await driver.storeSettings({ localFailures: 'explain' });
    return { driver };
  },
  stop: async (context) => {
    await context.vite?.stop();
    await context.driver.storeSettings({});
    await context.driver.close();
  },
  scenarios: [
    {
      title: 'names the app remembered on the refused port and opens it where it answers now',
      engines: ENGINES,
      run: async (context) => {
        const { driver } = context;
        const port = await freePortPair();
        context.vite = await startVite({ port, title: 'shop' });
        const page = await driver.newPage();
        await page.goto(`http://127.0.0.1:${port}/`);
        await expectShown(page, '#app', VITE_APP_TEXT);
        // The sentinel: the background remembered the page's app (no request of its own).
        await waitFor('the app remembered', async () =>
          JSON.stringify((await driver.stored('local', 'apps')) ?? []).includes(`"port":${port}`),
        );
        await context.vite.stop();
        await waitFor('the first Vite to be gone', () => refuses(`http://127.0.0.1:${port}/`));
        // Something else holds the port while Vite starts again: it moves on to the next one.
        const holder = await holdPort(port);
        context.vite = await startVite({ port, strict: false, title: 'shop' });
        await holder.release();
        expect(context.vite.port).toBe(port + 1);

        await driver.openExplained(`http://127.0.0.1:${port}/`, page);
        await expectShown(
          page,
          '[data-testid="did-you-mean"]',
          `Your app “shop” (Vite) was on port ${port}; it answers on port ${port + 1} now.`,
        );
        await page.click('[data-testid="open-found"]');
        await waitFor('the app where it answers now', async () =>
          (await driver.locationOf(page)).startsWith(`http://127.0.0.1:${port + 1}/`),
        );
        await expectShown(page, '#app', VITE_APP_TEXT);
      },
    },
    {
      title: "starts the blocked port's move commands on the tool the popup found serving the app",
      engines: ENGINES,
      run: async ({ driver }) => {
        const python = await startPythonHttpServer();
        try {
          const page = await driver.newPage();
          await page.goto(`http://127.0.0.1:${python.port}/`);
          await waitFor('the app remembered', async () =>
            JSON.stringify((await driver.stored('local', 'apps')) ?? []).includes(`"port":${python.port}`),
          );
          // The popup's scan names it (the port is one the user added to the popup's list).
          await driver.storeSettings({ localFailures: 'explain', scanPorts: [python.port] });
          const popup = await driver.openExtensionPage('/popup.html');
          await waitFor('the scan to be kept', async () =>
            JSON.stringify((await driver.stored('local', 'apps')) ?? []).includes(
              '"tool":"python-http-server"',
            ),
          );
          await popup.close();
          await driver.openExplained('http://localhost:6000/', page);
          await waitFor(
            'the move commands for Python',
            async () =>
              (await page
                .$eval('[data-testid="tool"]', (select) => (select as HTMLSelectElement).value)
                .catch(() => '')) === 'python',
          );
        } finally {
          await python.stop();
          await driver.storeSettings({ localFailures: 'explain' });
        }
      },
    },
  ],
});

export const MOVED: Suite[] = [moved];
