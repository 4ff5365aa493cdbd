import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FRAMES_BLOCKED_PORT } from '../fixtures/pages';
import { goInside, launchFirefox, openBlocked, type FirefoxSession } from '../support/firefox';
import { focused, tabTo } from '../support/keyboard';
import { checkedReaction, entries, statusSays, waitForOptions } from '../support/options-page';
import { startServer, type TestServer } from '../support/server';
import { waitFor } from '../support/wait';
import { cardArmed, cardElement, exposeCardFirefox } from '../support/card';
import { controlPage } from '../support/firefox';

describe('Firefox: everything works from the keyboard', () => {
  let session: FirefoxSession;
  let server: TestServer;

  beforeAll(async () => {
    server = await startServer({ '/framed': FRAMES_BLOCKED_PORT });
    session = await launchFirefox();
  });

  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it('popup: the lookup has the focus on open and typing answers', async () => {
    const page = await openBlocked(session, 'http://localhost:6000/');
    await goInside(page, session, '/popup.html');
    await waitFor('the focus in the lookup', async () => (await focused(page)).startsWith('input'));
    await page.keyboard.type('10080');
    await waitFor('the answer', () => page.$('[data-testid="verdicts"] li'));
    expect(await page.$eval('[data-testid="port-title"]', (title) => title.textContent)).toContain('10080');
    await page.close();
  });

  it('options: arrows change the reaction, Enter adds a port, Enter on its × removes it', async () => {
    const page = await openBlocked(session, 'http://localhost:6000/');
    await goInside(page, session, '/options.html');
    await waitForOptions(page);
    await page.focus('[data-testid="blockedNavigation"] input[value="explain"]');
    // Up from the first choice wraps to the last. (Down would pick "notification", whose permission prompt
    // no one answers in a headless browser.)
    await page.keyboard.press('ArrowUp');
    await statusSays(page, 'Saved.');
    expect(await checkedReaction(page, 'blockedNavigation')).toBe('nothing');

    await page.focus('[data-testid="unblocked-ports"] input');
    await page.keyboard.type('6000');
    await page.keyboard.press('Enter');
    await waitFor('the entry', async () => (await entries(page, 'unblocked-ports')).includes('6000'));
    await tabTo(page, /^button "Remove 6000"/, { backwards: true });
    await page.keyboard.press('Enter');
    await waitFor('the entry removed', async () => (await entries(page, 'unblocked-ports')).length === 0);
    await page.focus('[data-testid="reset"]');
    await page.keyboard.press('Enter');
    await statusSays(page, 'All settings are back to their defaults.');
    await page.close();
  });

  it('in-page card: Tab reaches its buttons; Enter on "Dismiss" puts it away', async () => {
    const page = await session.newPage();
    await page.goto(`${server.origin}/framed`);
    await exposeCardFirefox(page, await controlPage(session));
    await waitFor('the card', () => cardElement(page, '[data-testid="overlay-card"]'));
    await cardArmed(page);
    await tabTo(page, /^button "Dismiss"/);
    await page.keyboard.press('Enter');
    await waitFor('the card gone', async () => !(await cardElement(page, '[data-testid="overlay-card"]')));
    await page.close();
  });
});
