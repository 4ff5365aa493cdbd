import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unpackedPackage } from '../support/build';
import { launchFirefox, openBlocked, type FirefoxSession } from '../support/firefox';

describe('Firefox: the addons.mozilla.org packages (npm run zip)', () => {
  let session: FirefoxSession;
  let packaged: ReturnType<typeof unpackedPackage>;

  beforeAll(async () => {
    packaged = unpackedPackage('firefox');
    session = await launchFirefox({ extensionDir: packaged.dir });
  });

  afterAll(async () => {
    await session?.close();
  });

  it('carries a complete manifest, with the Gecko id and minimum versions', () => {
    const manifest = JSON.parse(readFileSync(join(packaged.dir, 'manifest.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(manifest).toMatchObject({
      manifest_version: 3,
      name: '__MSG_extName__',
      homepage_url: expect.stringMatching(/^https:\/\//),
      icons: { 16: expect.any(String), 128: expect.any(String) },
      permissions: ['storage', 'webNavigation', 'scripting', 'activeTab', 'dns'],
      browser_specific_settings: {
        gecko: { id: 'port-doctor@port-doctor.dev', strict_min_version: '140.0' },
      },
    });
  });

  it('explains localhost:6000 when loaded from the package', async () => {
    const page = await openBlocked(session, 'http://localhost:6000/');
    expect(await page.$eval('h1', (h1) => h1.textContent)).toBe('Your browser blocked port 6000');
    await page.close();
  });

  it('has a sources package a reviewer can rebuild from, without built or private files', () => {
    const { files } = unpackedPackage('sources');
    for (const needed of [
      'package.json',
      'package-lock.json',
      'README.md',
      'wxt.config.ts',
      'lib/state/settings/schema.ts',
    ])
      expect(files).toContain(needed);
    expect(
      files.filter((file) => /^(node_modules|\.output|demo-screenshots|bench\/results)\//.test(file)),
    ).toEqual([]);
  });
});
