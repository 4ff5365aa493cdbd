import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FRAMES_BLOCKED_PORT } from '../fixtures/pages';
import { goInside, launchFirefox, locationOf, openBlocked, type FirefoxSession } from '../support/firefox';
import { startServer, type TestServer } from '../support/server';
import { waitFor } from '../support/wait';
import { cardElement, exposeCardFirefox } from '../support/card';
import { controlPage } from '../support/firefox';

describe('Firefox: what it lets Port Doctor see inside a page', () => {
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

  it('shows the card for a frame on a blocked port, and leaves the page where it is', async () => {
    const page = await session.newPage();
    await page.goto(`${server.origin}/framed`);
    await exposeCardFirefox(page, await controlPage(session));
    const card = await waitFor('the card', () => cardElement(page, '[data-testid="overlay-card"]'));
    expect(await card.evaluate((element) => (element as HTMLElement).innerText)).toContain(
      'Port 6000: X11 window system',
    );
    expect(await locationOf(page)).toBe(`${server.origin}/framed`);
    await page.close();
  });

  it('says on the options page what Firefox does not report', async () => {
    const page = await openBlocked(session, 'http://localhost:6000/');
    await goInside(page, session, '/options.html');
    const note = await waitFor('the note', () => page.$('[data-testid="firefox-note"]'));
    expect(await note.evaluate((element) => element.textContent)).toContain(
      "Firefox tells extensions nothing when a page's own request",
    );
    await page.close();
  });
});
