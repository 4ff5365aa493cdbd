/**
 * Chromium only: the card's entrance lasts 160 ms, and only Chromium's DevTools reaches its closed root within
 * it (Firefox's way in, a content script sent from an extension page, arrives once no animation is left to read).
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_ON_BLOCKED_PORTS } from '../fixtures/pages';
import { axeViolations } from '../support/axe';
import { exposeCardChromium } from '../support/card';
import { launchChromium, type ChromiumSession } from '../support/chromium';
import { startServer, type TestServer } from '../support/server';
import { waitFor } from '../support/wait';

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
