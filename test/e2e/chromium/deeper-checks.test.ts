/**
 * Chromium only: Firefox reports no page's own request to a blocked port, so it asks for no deeper checks.
 * The deeper checks (the optional `webRequest`): off by default, offered where the user meets the need,
 * granted by one click, and in effect from Chromium's next start (lib/state/permissions.ts).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLICK_TO_FAIL } from '../fixtures/pages';
import { launchChromium, openBlocked, settle, type ChromiumSession } from '../support/chromium';
import type { ExtensionGlobals } from '../support/extension-api';
import { startServer, type TestServer } from '../support/server';
import { expectShown, waitFor } from '../support/wait';

describe('Chromium: deeper checks', () => {
  let server: TestServer;
  let session: ChromiumSession | undefined;
  const profile = mkdtempSync(join(tmpdir(), 'port-doctor-deeper-'));

  beforeAll(async () => {
    server = await startServer({ '/styled': CLICK_TO_FAIL });
  });

  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  async function expectPopupSays(current: ChromiumSession, expected: string): Promise<void> {
    const popup = await current.newPage();
    await popup.goto(current.extensionUrl('/popup.html'));
    await expectShown(popup, '[data-testid="deeper-checks-state"]', expected);
    await popup.close();
  }

  it('off by default: nothing watches requests, the card is offered, not broken', async () => {
    session = await launchChromium({ userDataDir: profile });
    const granted = await session.inWorker(async () => {
      const { chrome } = globalThis as unknown as ExtensionGlobals;
      return (await chrome.permissions.getAll()).permissions;
    });
    expect(granted).not.toContain('webRequest');
    const page = await session.newPage();
    await page.goto(`${server.origin}/styled`);
    await page.click('#go');
    await settle(session);
    expect(await page.$('port-doctor-overlay')).toBeNull();
    await page.close();
    await expectPopupSays(session, 'Deeper checks are off');
    // Where the user meets the need: the explanation of a blocked port offers them too, with their cost.
    const explanation = await openBlocked(session, 'http://localhost:6000/offered');
    await expectShown(explanation, '[data-testid="deeper-checks-state"]', 'about a third slower');
    expect(await explanation.$('[data-testid="deeper-checks-on"]')).not.toBeNull();
    await explanation.close();
  });

  it('one click in the popup grants them; Chrome applies them from its next start', async () => {
    const popup = await session!.newPage();
    await popup.goto(session!.extensionUrl('/popup.html'));
    const turnOn = await waitFor('the button', () => popup.$('[data-testid="deeper-checks-on"]'));
    await turnOn.click();
    await waitFor('the popup to say so', async () =>
      (await popup.$eval('[data-testid="deeper-checks-state"]', (element) => element.textContent))?.includes(
        'next start',
      ),
    );
    await popup.close();
    // In this browser session the grant is held but Chromium sends no request event: nothing is shown.
    const page = await session!.newPage();
    await page.goto(`${server.origin}/styled`);
    await page.click('#go');
    await settle(session!);
    expect(await page.$('port-doctor-overlay')).toBeNull();
    await session!.close();

    session = await launchChromium({ userDataDir: profile });
    await expectPopupSays(session, 'Deeper checks are on');
    const after = await session.newPage();
    await after.goto(`${server.origin}/styled`);
    await after.click('#go');
    await waitFor('the card', () => after.$('port-doctor-overlay'));
    await after.close();
  });
});
