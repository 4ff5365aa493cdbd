import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FRAMES_BLOCKED_PORT } from '../fixtures/pages';
import { axeViolations } from '../support/axe';
import { goInside, launchFirefox, openBlocked, type FirefoxSession } from '../support/firefox';
import { typeLookup } from '../support/popup';
import { startServer, type TestServer } from '../support/server';
import { waitFor } from '../support/wait';
import { cardAtRest, cardElement, exposeCardFirefox } from '../support/card';
import { controlPage } from '../support/firefox';

// Firefox's own switch for the colour scheme pages see: 0 dark, 1 light.
const SCHEMES = [
  ['light', 1],
  ['dark', 0],
] as const;

describe.each(SCHEMES)('Firefox: accessibility (axe-core), %s', (scheme, override) => {
  let session: FirefoxSession;
  let server: TestServer;
  let page: Page;

  beforeAll(async () => {
    server = await startServer({ '/framed': FRAMES_BLOCKED_PORT });
    session = await launchFirefox({
      prefs: { 'layout.css.prefers-color-scheme.content-override': override },
    });
    page = await openBlocked(session, 'http://localhost:6000/');
  });

  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it(`pages follow the ${scheme} scheme`, async () => {
    const dark = await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches);
    expect(dark).toBe(scheme === 'dark');
  });

  it('explanation page of a blocked port', async () => {
    await waitFor('the alternatives', () => page.$('[data-testid="alternatives"] .port'));
    expect(await axeViolations(page)).toEqual([]);
  });

  it('explanation page of a refused connection', async () => {
    await goInside(
      page,
      session,
      '/explain.html?url=http%3A%2F%2Flocalhost%3A5999%2F&code=NS_ERROR_CONNECTION_REFUSED',
    );
    expect(await axeViolations(page)).toEqual([]);
  });

  it('popup, with an answer shown', async () => {
    await goInside(page, session, '/popup.html');
    await typeLookup(page, 'localhost:6667');
    await waitFor('the answer', () => page.$('[data-testid="verdicts"] li'));
    expect(await axeViolations(page)).toEqual([]);
  });

  it('options page', async () => {
    await goInside(page, session, '/options.html');
    await waitFor('the settings', () => page.$('[data-testid="unblocked-ports"] input'));
    expect(await axeViolations(page)).toEqual([]);
  });

  it('in-page card', async () => {
    const tab = await session.newPage();
    await tab.goto(`${server.origin}/framed`);
    await exposeCardFirefox(tab, await controlPage(session));
    await waitFor('the card', () => cardElement(tab, '[data-testid="overlay-card"]'));
    await cardAtRest(tab);
    expect(await axeViolations(tab, 'port-doctor-overlay')).toEqual([]);
    await tab.close();
  });
});
