import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_ON_BLOCKED_PORTS } from '../fixtures/pages';
import { axeViolations } from '../support/axe';
import { launchChromium, type ChromiumSession } from '../support/chromium';
import { typeLookup } from '../support/popup';
import { startServer, type TestServer } from '../support/server';
import { waitFor } from '../support/wait';
import { cardAtRest, exposeCardChromium } from '../support/card';

describe.each(['light', 'dark'] as const)('Chromium: accessibility (axe-core), %s', (scheme) => {
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

  async function page(): Promise<Page> {
    const tab = await session.newPage();
    await tab.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
    return tab;
  }

  it('explanation page of a blocked port', async () => {
    const tab = await page();
    await tab.goto('http://localhost:6000/').catch(() => undefined);
    await waitFor('the explanation', async () => tab.url().includes('/explain.html?') && tab.$('h1'));
    await waitFor('the probes', () => tab.$('[data-testid="alternatives"] .port'));
    expect(await axeViolations(tab)).toEqual([]);
    await tab.close();
  });

  it('explanation page of a refused connection', async () => {
    const tab = await page();
    await tab.goto(
      session.extensionUrl(
        '/explain.html?url=http%3A%2F%2Flocalhost%3A5999%2F&code=net%3A%3AERR_CONNECTION_REFUSED',
      ),
    );
    await waitFor('the headline', () => tab.$('h1'));
    expect(await axeViolations(tab)).toEqual([]);
    await tab.close();
  });

  it('popup, with an answer shown', async () => {
    const tab = await page();
    await tab.goto(session.extensionUrl('/popup.html'));
    await waitFor('the popup', () => tab.$('[data-testid="lookup"]'));
    await typeLookup(tab, 'localhost:6667');
    await waitFor('the answer', () => tab.$('[data-testid="verdicts"] li'));
    expect(await axeViolations(tab)).toEqual([]);
    await typeLookup(tab, 'not a port');
    expect(await axeViolations(tab)).toEqual([]);
    await tab.close();
  });

  it('options page, with an inline error shown', async () => {
    const tab = await page();
    await tab.goto(session.extensionUrl('/options.html'));
    await waitFor('the settings', () => tab.$('[data-testid="unblocked-ports"] input'));
    await tab.type('[data-testid="unblocked-ports"] input', 'x');
    await tab.keyboard.press('Enter');
    await waitFor('the error', () =>
      tab.$eval('[data-testid="unblocked-ports"] .error', (e) => e.textContent),
    );
    expect(await axeViolations(tab)).toEqual([]);
    await tab.close();
  });

  it('in-page card', async () => {
    const tab = await page();
    await tab.goto(`${server.origin}/app`);
    await exposeCardChromium(tab);
    await waitFor('the card', () => tab.$('pierce/[data-testid="overlay-card"]'));
    await cardAtRest(tab);
    expect(await axeViolations(tab, 'port-doctor-overlay')).toEqual([]);
    await tab.close();
  });
});

describe('Chromium: the card in motion', () => {
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

  /** The card's entrance animations, and the card's opacity with each held at its first frame. */
  const motion = (tab: Page) =>
    tab.evaluate(() => {
      const root = document.querySelector('port-doctor-overlay')?.shadowRoot;
      const card = root?.querySelector('[data-testid="overlay-card"]');
      const animations = root?.getAnimations() ?? [];
      const opacities = animations.map((animation) => {
        animation.pause();
        animation.currentTime = 0;
        return card ? getComputedStyle(card).opacity : 'no card';
      });
      return { count: animations.length, opacities };
    });

  it('slides in at full opacity: at its first frame the card already has its resting contrast; axe 0 there', async () => {
    const tab = await session.newPage();
    await tab.goto(`${server.origin}/app`);
    await exposeCardChromium(tab);
    await waitFor('the card', () => tab.$('pierce/[data-testid="overlay-card"]'));
    const { count, opacities } = await motion(tab);
    expect(count).toBeGreaterThan(0);
    expect(opacities.every((opacity) => opacity === '1')).toBe(true);
    expect(await axeViolations(tab, 'port-doctor-overlay')).toEqual([]);
    await tab.close();
  });

  it('does not move at all when the user asks for reduced motion', async () => {
    const tab = await session.newPage();
    await tab.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
    await tab.goto(`${server.origin}/app`);
    await exposeCardChromium(tab);
    await waitFor('the card', () => tab.$('pierce/[data-testid="overlay-card"]'));
    expect((await motion(tab)).count).toBe(0);
    await tab.close();
  });
});

describe('Chromium: the axe check itself', () => {
  it('reports a violation when there is one (an image without a text alternative)', async () => {
    const session = await launchChromium();
    const page = await session.newPage();
    await page.setContent(
      '<!doctype html><html lang="en"><title>t</title><main><img src="x.png"></main></html>',
    );
    expect((await axeViolations(page)).join('\n')).toContain('image-alt');
    await session.close();
  });
});
