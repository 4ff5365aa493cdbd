/**
 * Issue #17: the answer on the first screen, in every engine. At 1280×800, in English and Korean, the explanation
 * of a blocked port shows the recommended port, its state as checked on this machine and the move command without
 * scrolling, with the engine's own way to unblock it first; the one of a refused port shows the server found next
 * door. Measured with getBoundingClientRect (support/first-screen.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HEALTHY_PAGE } from '../fixtures/pages.ts';
import { axeViolations } from '../support/axe.ts';
import { launchDriver, type BrowserDriver, type Engine } from '../support/driver.ts';
import { expectFixOnFirstScreen, expectNextDoorOnFirstScreen, LAPTOP } from '../support/first-screen.ts';
import { refusedWithServerNextDoor, startServer, type TestServer } from '../support/server.ts';
import { waitFor } from '../support/wait.ts';

const WORDS = {
  'en-US': { free: 'free', title: 'Port 6000 blocked — Port Doctor' },
  ko: { free: '비어 있음', title: '6000번 포트 차단됨 — Port Doctor' },
} as const;

const EXPLAIN_ALL = { blockedNavigation: 'explain', localFailures: 'explain' };

export function runFirstScreen(engine: Engine): void {
  describe.each(['en-US', 'ko'] as const)(
    `${engine} (%s) at 1280×800: the fix on the first screen`,
    (locale) => {
      let driver: BrowserDriver;

      beforeAll(async () => {
        driver = await launchDriver(engine, { locale });
        await driver.storeSettings(EXPLAIN_ALL);
      });

      afterAll(async () => {
        await driver?.close();
      });

      it("localhost:6000: the recommended port, free, and the move command with Copy, without scrolling; this browser's setting first; axe 0 in each scheme", async () => {
        const explanation = await driver.openExplained('http://localhost:6000/');
        await explanation.setViewport(LAPTOP);
        expect(await expectFixOnFirstScreen(explanation)).toEqual({ port: 6001, state: WORDS[locale].free });
        expect(await explanation.title()).toBe(WORDS[locale].title);
        expect(await explanation.$eval('[data-testid="move-title"]', (h2) => h2.textContent)).toContain(
          '6001',
        );
        // No Retry: the browser would refuse the same address again.
        expect(await explanation.$('[data-testid="retry"]')).toBeNull();
        // The browser showing the page first, so that nobody scrolls past the other engine's way.
        const order = await explanation.$$eval('[data-testid^="override-"]', (blocks) =>
          blocks.map((block) => block.getAttribute('data-testid')),
        );
        const other = engine === 'chromium' ? 'firefox' : 'chromium';
        expect(order.indexOf(`override-${engine}`)).toBeLessThan(order.indexOf(`override-${other}`));
        for (const scheme of driver.colorSchemes) {
          await driver.useColorScheme(explanation, scheme);
          expect(await axeViolations(explanation), scheme).toEqual([]);
        }
        await explanation.close();
      });

      it('a refused port: the server found on the port next door is on the first screen', async () => {
        const { refused, nextDoor } = await refusedWithServerNextDoor(HEALTHY_PAGE);
        try {
          const page = await driver.newPage();
          await page.setViewport(LAPTOP);
          await driver.openExplained(`http://localhost:${refused}/`, page);
          await expectNextDoorOnFirstScreen(page, nextDoor.port);
          await page.close();
        } finally {
          await nextDoor.close();
        }
      });
    },
  );

  describe(`${engine} at 1280×800: the port it recommends, and the tool it remembers`, () => {
    let driver: BrowserDriver;
    let taken: TestServer | undefined;

    beforeAll(async () => {
      driver = await launchDriver(engine);
      await driver.storeSettings(EXPLAIN_ALL);
    });

    afterAll(async () => {
      await driver?.close();
      await taken?.close();
    });

    it('a server already answers on 6001: 6002 is recommended, and 6001 says so', async () => {
      taken = await startServer({ '/': HEALTHY_PAGE }, 6001);
      const explanation = await driver.openExplained('http://localhost:6000/');
      await explanation.setViewport(LAPTOP);
      expect(await expectFixOnFirstScreen(explanation)).toEqual({ port: 6002, state: 'free' });
      expect(await explanation.$eval('[data-testid="probe-6001"]', (pill) => pill.textContent?.trim())).toBe(
        'already in use',
      );
      expect(await explanation.$eval('[data-testid="move-commands"]', (list) => list.textContent)).toContain(
        'npx vite --port 6002',
      );
      await explanation.close();
      await taken.close();
      taken = undefined;
    });

    it('the tool picked on one explanation is the one the next shows first (settings.devServer)', async () => {
      const first = await driver.openExplained('http://localhost:6667/');
      await waitFor('the tool picker', () => first.$('[data-testid="tool"]'));
      await first.select('[data-testid="tool"]', 'django');
      await waitFor(
        'the choice saved',
        async () =>
          ((await driver.stored('local', 'settings')) as { devServer?: string } | undefined)?.devServer ===
          'django',
      );
      await first.close();
      const next = await driver.openExplained('http://localhost:10080/');
      await waitFor(
        'the remembered tool',
        async () =>
          (await next.$eval('[data-testid="tool"]', (select) => (select as HTMLSelectElement).value)) ===
          'django',
      );
      expect(await next.$eval('[data-testid="move-commands"]', (list) => list.textContent)).toContain(
        'manage.py runserver',
      );
      await next.close();
    });
  });
}
