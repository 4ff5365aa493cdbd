/**
 * Issue #17: the answer on the first screen. At 1280×800, in English and Korean, the explanation of a blocked
 * port shows the recommended port, its state as checked on this machine and the move command without
 * scrolling; the one of a refused port shows the server found next door. Measured with getBoundingClientRect.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HEALTHY_PAGE } from '../fixtures/pages.ts';
import { axeViolations } from '../support/axe.ts';
import {
  explainEveryFailure,
  launchChromium,
  openBlocked,
  type ChromiumSession,
} from '../support/chromium.ts';
import type { ExtensionGlobals } from '../support/extension-api.ts';
import { expectFixOnFirstScreen, expectNextDoorOnFirstScreen, LAPTOP } from '../support/first-screen.ts';
import { refusedWithServerNextDoor, startServer, type TestServer } from '../support/server.ts';
import { waitFor } from '../support/wait.ts';

const WORDS = {
  'en-US': { free: 'free', title: 'Port 6000 blocked — Port Doctor', move: 'Move your dev server to port' },
  ko: { free: '비어 있음', title: '6000번 포트 차단됨 — Port Doctor', move: '개발 서버를' },
} as const;

describe.each(['en-US', 'ko'] as const)('Chromium (%s) at 1280×800: the fix on the first screen', (lang) => {
  let session: ChromiumSession;

  beforeAll(async () => {
    session = await launchChromium({ lang });
    await explainEveryFailure(session);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('localhost:6000: the recommended port, free, and the move command with Copy, without scrolling; axe 0 in both schemes', async () => {
    const explanation = await openBlocked(session, 'http://localhost:6000/');
    await explanation.setViewport(LAPTOP);
    const chosen = await expectFixOnFirstScreen(explanation);
    expect(chosen).toEqual({ port: 6001, state: WORDS[lang].free });
    expect(await explanation.title()).toBe(WORDS[lang].title);
    expect(await explanation.$eval('[data-testid="move-title"]', (h2) => h2.textContent)).toContain('6001');
    // No Retry: the browser would refuse the same address again.
    expect(await explanation.$('[data-testid="retry"]')).toBeNull();
    for (const scheme of ['light', 'dark'] as const) {
      await explanation.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
      expect(await axeViolations(explanation), scheme).toEqual([]);
    }
    await explanation.close();
  });

  it('a refused port: the server found on the port next door is on the first screen', async () => {
    const { refused, nextDoor } = await refusedWithServerNextDoor(HEALTHY_PAGE);
    try {
      const page = await session.newPage();
      await page.setViewport(LAPTOP);
      await page.goto(`http://localhost:${refused}/`).catch(() => undefined);
      await waitFor('the explanation page', async () => page.url().includes('/explain.html?'));
      await expectNextDoorOnFirstScreen(page, nextDoor.port);
      await page.close();
    } finally {
      await nextDoor.close();
    }
  });
});

describe('Chromium at 1280×800: the port it recommends, and the tool it remembers', () => {
  let session: ChromiumSession;
  let taken: TestServer | undefined;

  beforeAll(async () => {
    session = await launchChromium();
  });

  afterAll(async () => {
    await session?.close();
    await taken?.close();
  });

  it('a server already answers on 6001: 6002 is recommended, and 6001 says so', async () => {
    taken = await startServer({ '/': HEALTHY_PAGE }, 6001);
    const explanation = await openBlocked(session, 'http://localhost:6000/');
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
    const first = await openBlocked(session, 'http://localhost:6667/');
    await waitFor('the tool picker', () => first.$('[data-testid="tool"]'));
    await first.select('[data-testid="tool"]', 'django');
    await waitFor('the choice saved', async () => {
      const stored = await session.inWorker(() =>
        (globalThis as unknown as ExtensionGlobals).chrome.storage.local.get('settings'),
      );
      return (stored.settings as { devServer?: string } | undefined)?.devServer === 'django';
    });
    await first.close();
    const next = await openBlocked(session, 'http://localhost:10080/');
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
