import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_ON_BLOCKED_PORTS } from '../fixtures/pages';
import { launchChromium, type ChromiumSession } from '../support/chromium';
import { focused, tabTo } from '../support/keyboard';
import { checkedReaction, entries, statusSays, waitForOptions } from '../support/options-page';
import { startServer, type TestServer } from '../support/server';
import { waitFor } from '../support/wait';
import { cardArmed, exposeCardChromium } from '../support/card';

describe('Chromium: everything works from the keyboard', () => {
  let session: ChromiumSession;
  let server: TestServer;

  beforeAll(async () => {
    server = await startServer({ '/app': API_ON_BLOCKED_PORTS });
    session = await launchChromium({ deeperChecks: true });
  });

  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it('popup: the lookup has the focus on open; typing answers; Tab reaches the suggestions', async () => {
    const page = await session.newPage();
    await page.goto(session.extensionUrl('/popup.html'));
    await waitFor('the focus in the lookup', async () => (await focused(page)).startsWith('input'));
    await page.keyboard.type('6667');
    await waitFor('the answer', () => page.$('[data-testid="verdicts"] li'));
    expect(await page.$eval('[data-testid="port-title"]', (title) => title.textContent)).toContain('6667');
    await tabTo(page, /^(button|a) /);
    await page.close();
  });

  it('options: arrows change the reaction, Enter adds a port, Enter on its × removes it', async () => {
    const page = await session.newPage();
    await page.goto(session.extensionUrl('/options.html'));
    await waitForOptions(page);
    await tabTo(page, /^input\[blockedNavigation\]/);
    expect(await checkedReaction(page, 'blockedNavigation')).toBe('explain');
    // Up from the first choice wraps to the last. (Down would pick "notification", whose permission prompt
    // no one answers in a headless browser.)
    await page.keyboard.press('ArrowUp');
    await statusSays(page, 'Saved.');
    expect(await checkedReaction(page, 'blockedNavigation')).toBe('nothing');

    await page.focus('[data-testid="unblocked-ports"] input');
    await page.keyboard.type('6665-6669');
    await page.keyboard.press('Enter');
    await waitFor('the entry', async () => (await entries(page, 'unblocked-ports')).includes('6665-6669'));
    await tabTo(page, /^button "Remove 6665-6669"/, { backwards: true });
    await page.keyboard.press('Enter');
    await waitFor('the entry removed', async () => (await entries(page, 'unblocked-ports')).length === 0);

    await tabTo(page, /^button "Reset to defaults"/);
    await page.keyboard.press('Enter');
    await statusSays(page, 'All settings are back to their defaults.');
    await page.close();
  });

  it('in-page card: Tab reaches its buttons; Enter on "Dismiss" puts it away', async () => {
    const page = await session.newPage();
    await page.goto(`${server.origin}/app`);
    await exposeCardChromium(page);
    await waitFor('the card', () => page.$('pierce/[data-testid="overlay-card"]'));
    await cardArmed(page);
    expect(await tabTo(page, /^button "Why\?"/)).toBe('button "Why?"');
    await tabTo(page, /^button "Dismiss"/);
    await page.keyboard.press('Enter');
    await waitFor('the card gone', async () => !(await page.$('pierce/[data-testid="overlay-card"]')));
    await page.close();
  });

  it('explanation: Tab reaches the suggested ports and an arrow picks another', async () => {
    const page = await session.newPage();
    await page.goto('http://localhost:6000/').catch(() => undefined);
    await waitFor('the explanation', async () => page.url().includes('/explain.html?') && page.$('h1'));
    const ports = await page.$$eval('[data-testid="alternatives"] .port', (items) =>
      items.map((item) => item.textContent?.trim() ?? ''),
    );
    const second = ports[1]!;
    // The suggestions are one radio group: Tab enters it, an arrow picks the next one.
    await tabTo(page, /^input\[alternative\]/);
    await page.keyboard.press('ArrowDown');
    await waitFor(
      'the second port chosen',
      async () =>
        (await page.$eval('[data-testid="alternatives"] li.chosen .port', (port) => port.textContent)) ===
        second,
    );
    const move = await page.$eval(
      'section[aria-labelledby="move-title"]',
      (section) => (section as HTMLElement).innerText,
    );
    expect(move).toContain(second);
    await page.close();
  });
});
