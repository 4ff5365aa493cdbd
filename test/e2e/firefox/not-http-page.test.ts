/**
 * Firefox only: it shows what a non-HTTP server answers as a page where Chromium refuses it (Chromium's case is
 * a row of test/e2e/scenarios/tab-diagnosis.ts), so there is no failure to explain.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchFirefox, locationOf, type FirefoxSession } from '../support/firefox';
import { POSTGRES_ERROR, startNotHttpServer } from '../support/real-servers';

describe('Firefox: a local port that is not a web server', () => {
  let session: FirefoxSession;

  beforeAll(async () => {
    session = await launchFirefox();
  });

  afterAll(async () => {
    await session?.close();
  });

  it('PostgreSQL on 5432: Firefox shows its binary answer as a page, so there is nothing to explain', async () => {
    const postgres = await startNotHttpServer(5432, POSTGRES_ERROR);
    const page = await session.newPage();
    try {
      await page.goto('http://localhost:5432/');
      expect(await page.evaluate(() => document.body.textContent)).toContain('unsupported frontend protocol');
      expect(await locationOf(page)).toBe('http://localhost:5432/');
    } finally {
      await page.close();
      await postgres.close();
    }
  });
});
