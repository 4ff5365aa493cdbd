/**
 * Runs the kinds' scenario table (kinds.ts) in one browser: one session, every failure explained at once (the
 * user's choice "explain" for both reactions, the defaults again at the end), each row's real setup started
 * before its test and closed after it.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.ts';
import { launchDriver, type BrowserDriver, type Engine } from '../support/driver.ts';
import { expectShown, waitFor } from '../support/wait.ts';
import { LOCAL_NAMES, scenariosFor } from './kinds.ts';

const text = (page: Page, selector: string) =>
  page.$eval(selector, (element) => (element as HTMLElement).innerText);

export function runKindScenarios(engine: Engine): void {
  describe(`${engine}: each failure kind from a real setup (test/e2e/scenarios/kinds.ts)`, () => {
    let driver: BrowserDriver;

    beforeAll(async () => {
      driver = await launchDriver(engine, { localNames: LOCAL_NAMES, acceptCertificates: true });
      await driver.storeSettings({ blockedNavigation: 'explain', localFailures: 'explain' });
    });

    afterAll(async () => {
      await driver?.storeSettings({});
      await driver?.close();
    });

    it.each(scenariosFor(engine).map((row) => [row.scenario.title, row.outcome.kind, row] as const))(
      '%s [kind:%s]',
      async (_title, _kind, { scenario, outcome }) => {
        const setup = await scenario.setup();
        const page = await driver.newPage();
        try {
          await driver.openExplained(scenario.url(setup.port), page);
          // A probe may refine the first headline (connection-refused to loopback-mismatch): wait for it.
          await expectShown(page, 'h1', outcome.headline(setup.port));
          expect(await text(page, 'h1')).toBe(outcome.headline(setup.port));
          for (const [selector, shown] of outcome.shows ?? [])
            await expectShown(page, selector, shown(setup.port));
          for (const [selector, lacking] of outcome.lacks ?? [])
            expect(await text(page, selector)).not.toContain(lacking(setup.port));
          for (const selector of outcome.absent ?? []) expect(await page.$(selector)).toBeNull();
          expect(await axeViolations(page)).toEqual([]);
          const { fix } = outcome;
          if (fix) {
            const button = `[data-testid="${fix.testId}"]`;
            if (fix.label) expect(await text(page, button)).toBe(fix.label);
            await page.click(button);
            const opens = fix.opens(setup.port);
            await waitFor(`the tab to open ${opens}`, async () => (await driver.locationOf(page)) === opens);
            if (fix.then) await expectShown(page, fix.then[0], fix.then[1](setup.port));
          }
        } finally {
          await page.close();
          await setup.close();
        }
      },
    );
  });
}
