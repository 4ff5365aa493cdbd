import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unpackedPackage } from '../support/build';
import { launchChromium, REFUSED, type ChromiumSession } from '../support/chromium';
import { waitFor } from '../support/wait';

describe('Chromium: the Chrome Web Store package (npm run zip), unpacked and loaded', () => {
  let session: ChromiumSession;
  let packaged: ReturnType<typeof unpackedPackage>;

  beforeAll(async () => {
    packaged = unpackedPackage('chrome');
    session = await launchChromium({ extensionDir: packaged.dir });
  });

  afterAll(async () => {
    await session?.close();
  });

  it('carries a complete manifest and only built files', () => {
    const manifest = JSON.parse(readFileSync(join(packaged.dir, 'manifest.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(manifest).toMatchObject({
      manifest_version: 3,
      name: '__MSG_extName__',
      description: '__MSG_extDescription__',
      homepage_url: expect.stringMatching(/^https:\/\//),
      minimum_chrome_version: '116',
      icons: {
        16: expect.any(String),
        32: expect.any(String),
        48: expect.any(String),
        128: expect.any(String),
      },
      permissions: ['storage', 'webNavigation', 'scripting', 'activeTab'],
      optional_permissions: ['notifications', 'webRequest'],
    });
    expect(packaged.files).toContain('_locales/ko/messages.json');
    expect(packaged.files.filter((file) => /\.(ts|map)$|node_modules|^test\//.test(file))).toEqual([]);
  });

  it('explains localhost:6000 when loaded from the package', async () => {
    const page = await session.newPage();
    await expect(page.goto('http://localhost:6000/')).rejects.toThrow(REFUSED);
    await waitFor('the explanation page', async () => page.url().includes('/explain.html?'));
    const headline = await waitFor('the headline', () => page.$eval('h1', (h1) => h1.textContent));
    expect(headline).toBe('Your browser blocked port 6000');
    expect(session.errors).toEqual([]);
    await page.close();
  });
});
