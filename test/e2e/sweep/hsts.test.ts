/**
 * The truth test of forced-https: every top-level domain lib/kinds/forced-https names as HSTS-preloaded is opened
 * with https:// by the real browsers when typed with http://, and .test is not. Each x.<tld> reaches a plain-HTTP
 * server on this machine (as a hosts-file entry would make it): an upgraded name fails with a TLS error. Port
 * Doctor only marks the button meanwhile; the browser's answer is what is under test. Recorded with the browser
 * versions (test/truth/record.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HSTS_PRELOADED_TLDS } from '../../../lib/kinds/forced-https/kind';
import { launchChromium, storeSettings as storeChromium, type ChromiumSession } from '../support/chromium';
import {
  controlPage,
  launchFirefox,
  locationOf,
  storeSettings as storeFirefox,
  type FirefoxSession,
} from '../support/firefox';
import { SERVED_TEXT, startEverywhereServer, type Running } from '../support/real-servers';
import { waitFor } from '../support/wait';
import { recordTruth } from '../../truth/record';

const TLDS = [...HSTS_PRELOADED_TLDS, 'test'];
const NAMES = TLDS.map((tld) => `x.${tld}`);
const QUIET = { blockedNavigation: 'explain', localFailures: 'badge' };

let plain: Running;
beforeAll(async () => {
  plain = await startEverywhereServer();
});
afterAll(async () => {
  await plain?.close();
});

describe('Chromium: the HSTS-preloaded top-level domains', () => {
  let session: ChromiumSession;

  beforeAll(async () => {
    const rules = NAMES.map((name) => `MAP ${name} 127.0.0.1`).join(', ');
    session = await launchChromium({ args: [`--host-resolver-rules=${rules}`] });
    await storeChromium(session, QUIET);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('every TLD Port Doctor names as preloaded is opened with https:// by Chromium, and .test is not', async () => {
    const page = await session.newPage();
    const upgraded: string[] = [];
    for (const tld of TLDS) {
      const outcome = await page.goto(`http://x.${tld}:${plain.port}/`).then(
        () => 'loaded',
        (failure: unknown) => String(failure),
      );
      if (outcome.includes('net::ERR_SSL_PROTOCOL_ERROR')) upgraded.push(tld);
    }
    expect(upgraded).toEqual([...HSTS_PRELOADED_TLDS]);
    expect(page.url()).toBe(`http://x.test:${plain.port}/`);
    recordTruth('chromium', { hsts: upgraded });
  }, 120_000);
});

describe('Firefox: the HSTS-preloaded top-level domains', () => {
  let session: FirefoxSession;

  beforeAll(async () => {
    session = await launchFirefox({ prefs: { 'network.dns.localDomains': NAMES.join(',') } });
    await storeFirefox(await controlPage(session), QUIET);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('every TLD Port Doctor names as preloaded is opened with https:// by Firefox, and .test is not', async () => {
    const upgraded: string[] = [];
    for (const tld of TLDS) {
      // A tab each: BiDi loses track of a tab that went from one error page to the next.
      const page = await session.newPage();
      const loaded = await page.goto(`http://x.${tld}:${plain.port}/`).then(
        () => true,
        // Firefox's TLS error (SSL_ERROR_RX_RECORD_TOO_LONG), which BiDi does not always name.
        () => false,
      );
      const https = `https://x.${tld}:${plain.port}/`;
      if (loaded) expect(await page.$eval('#app', (app) => (app as HTMLElement).innerText)).toBe(SERVED_TEXT);
      else {
        // The error page commits with the https:// address (BiDi may answer before it does).
        await waitFor(`Firefox's error page for ${https}`, async () => (await locationOf(page)) === https);
        upgraded.push(tld);
      }
      await page.close();
    }
    expect(upgraded).toEqual([...HSTS_PRELOADED_TLDS]);
    recordTruth('firefox', { hsts: upgraded });
  }, 180_000);
});
