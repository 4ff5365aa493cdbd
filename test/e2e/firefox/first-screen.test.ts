/**
 * Issue #17 in Firefox: at 1280×800, in English and Korean, the explanation of a blocked port shows the
 * recommended port, its state and the move command without scrolling, with Firefox's own way to unblock it
 * before Chrome's; the one of a refused port shows the server found next door.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HEALTHY_PAGE } from '../fixtures/pages.ts';
import { axeViolations } from '../support/axe.ts';
import {
  controlPage,
  launchFirefox,
  locationOf,
  openBlocked,
  type FirefoxSession,
  storeSettings,
} from '../support/firefox.ts';
import { expectFixOnFirstScreen, expectNextDoorOnFirstScreen, LAPTOP } from '../support/first-screen.ts';
import { refusedWithServerNextDoor } from '../support/server.ts';

const WORDS = {
  'en-US': { free: 'free', title: 'Port 6000 blocked — Port Doctor' },
  ko: { free: '비어 있음', title: '6000번 포트 차단됨 — Port Doctor' },
} as const;

describe.each(['en-US', 'ko'] as const)('Firefox (%s) at 1280×800: the fix on the first screen', (locale) => {
  let session: FirefoxSession;

  beforeAll(async () => {
    session = await launchFirefox({ locale });
    const control = await controlPage(session);
    await storeSettings(control, { blockedNavigation: 'explain', localFailures: 'explain' });
  });

  afterAll(async () => {
    await session?.close();
  });

  it("localhost:6000: the recommended port, free, and the move command, without scrolling; Firefox's setting first; axe 0", async () => {
    const explanation = await openBlocked(session, 'http://localhost:6000/');
    await explanation.setViewport(LAPTOP);
    expect(await expectFixOnFirstScreen(explanation)).toEqual({ port: 6001, state: WORDS[locale].free });
    expect(await explanation.title()).toBe(WORDS[locale].title);
    expect(await explanation.$('[data-testid="retry"]')).toBeNull();
    // The browser showing the page first, so a Firefox user need not scroll past Chrome's flags.
    const order = await explanation.$$eval('[data-testid^="override-"]', (blocks) =>
      blocks.map((block) => block.getAttribute('data-testid')),
    );
    expect(order.indexOf('override-firefox')).toBeLessThan(order.indexOf('override-chromium'));
    expect(await axeViolations(explanation)).toEqual([]);
    await explanation.close();
  });

  it('a refused port: the server found on the port next door is on the first screen', async () => {
    const { refused, nextDoor } = await refusedWithServerNextDoor(HEALTHY_PAGE);
    try {
      const page = await openBlocked(session, `http://localhost:${refused}/`);
      await page.setViewport(LAPTOP);
      expect(await locationOf(page)).toContain('/explain.html?');
      await expectNextDoorOnFirstScreen(page, nextDoor.port);
      await page.close();
    } finally {
      await nextDoor.close();
    }
  });
});
