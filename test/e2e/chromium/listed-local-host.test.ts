/**
 * Chromium only: Firefox 153 fails an extension page's fetch to a host outside its host permissions
 * (NetworkError, no-cors or not), so the nearby ports of a name the user listed as local cannot be probed there.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, REFUSED, storeSettings, type ChromiumSession } from '../support/chromium';
import { closedPort } from '../support/ports';
import { text } from '../support/text';
import { waitFor } from '../support/wait';

/** A closed port with a server on the next one, which counts the requests it gets. */
async function serverNextToClosedPort(): Promise<{ refused: number; server: Server; hits: () => number }> {
  for (;;) {
    const refused = await closedPort();
    let hits = 0;
    const server = createServer((_request, response) => {
      hits++;
      response.end('a dev server');
    });
    const listening = await new Promise<boolean>((done) => {
      server.once('error', () => done(false));
      server.listen(refused + 1, '127.0.0.1', () => done(true));
    });
    if (listening && (server.address() as AddressInfo).port === refused + 1)
      return { refused, server, hits: () => hits };
  }
}

describe('Chromium with devbox.test listed as local, and resolving to 127.0.0.1', () => {
  let session: ChromiumSession;

  beforeAll(async () => {
    // The name reaches only this machine; no test here sends anything to a LAN or public address.
    session = await launchChromium({ args: ['--host-resolver-rules=MAP devbox.test 127.0.0.1'] });
    await storeSettings(session, { localFailures: 'explain', localHosts: ['devbox.test'] });
  });

  afterAll(async () => {
    if (session) await storeSettings(session, {});
    await session?.close();
  });

  it('leaves its ports "not checked" until the click, then checks them', async () => {
    const { refused, server, hits } = await serverNextToClosedPort();
    const page = await session.newPage();
    try {
      await expect(page.goto(`http://devbox.test:${refused}/`)).rejects.toThrow(
        'net::ERR_CONNECTION_REFUSED',
      );
      await waitFor('the explanation page', async () => page.url().includes('/explain.html?'));
      const unchecked = await waitFor('the nearby ports, not checked', async () => {
        const shown = await text(page, '[data-testid="did-you-mean"]');
        return shown.includes('not checked') && shown;
      });
      expect(unchecked).toContain('Nearby ports on devbox.test: not checked.');
      expect(hits()).toBe(0);
      expect(await text(page, '[data-testid="probe-ask"]')).toBe(
        'Look for the server on nearby ports of devbox.test',
      );
      await page.click('[data-testid="probe-ask"]');
      const hint = await waitFor('the server next door', async () => {
        const shown = await text(page, '[data-testid="did-you-mean"]');
        return shown.includes('Did you mean') && shown;
      });
      expect(hint).toContain(`devbox.test:${refused + 1}`);
      // The click's probe is the only request: one sent when the page loaded would have arrived before it.
      expect(hits()).toBe(1);
    } finally {
      await new Promise((done) => server.close(done));
    }

    // A blocked port on the same host: the same list of safe ports, each "not checked" until the click.
    await expect(page.goto('http://devbox.test:6000/')).rejects.toThrow(REFUSED);
    await waitFor(
      'its explanation',
      async () => page.url().includes('/explain.html?') && page.url().includes('6000'),
    );
    const button = await waitFor('the check button', () => page.$('[data-testid="probe-ask"]'));
    expect(await button.evaluate((element) => element.textContent?.trim())).toBe(
      'Check these ports on devbox.test',
    );
    const states = () =>
      page.$$eval('[data-testid="alternatives"] [data-testid^="probe-"]', (spans) =>
        spans.map((span) => span.textContent?.trim()),
      );
    const before = await states();
    expect(before.length).toBeGreaterThanOrEqual(3);
    expect(new Set(before)).toEqual(new Set(['not checked']));
    await button.click();
    await waitFor('every state', async () =>
      (await states()).every((state) => ['free', 'already in use', "couldn't check"].includes(state ?? '')),
    );
    expect(await page.$('[data-testid="probe-ask"]')).toBeNull();
    await page.close();
  });
});
