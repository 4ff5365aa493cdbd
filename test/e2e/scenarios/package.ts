/**
 * The store packages made by `npm run zip` (Chrome Web Store, addons.mozilla.org), unpacked as a reviewer would
 * and loaded, in every engine: a complete manifest for its store, only built files, and it works.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { unpackedPackage } from '../support/build.ts';
import { ENGINES, launchDriver, type BrowserDriver, type Engine } from '../support/driver.ts';
import { text } from '../support/text.ts';
import { suite } from './scenario.ts';

interface Packaged {
  driver: BrowserDriver;
  dir: string;
  files: string[];
}

/** What each store needs of the manifest. */
const MANIFEST: Record<Engine, Record<string, unknown>> = {
  chromium: {
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
  },
  firefox: {
    manifest_version: 3,
    name: '__MSG_extName__',
    homepage_url: expect.stringMatching(/^https:\/\//),
    icons: { 16: expect.any(String), 128: expect.any(String) },
    permissions: ['storage', 'webNavigation', 'scripting', 'activeTab', 'dns'],
    browser_specific_settings: {
      gecko: { id: 'port-doctor@port-doctor.dev', strict_min_version: '140.0' },
    },
  },
};

export const PACKAGE = [
  suite<Packaged>({
    title: 'the store package (npm run zip), unpacked and loaded',
    start: async (engine) => {
      const { dir, files } = unpackedPackage(engine === 'chromium' ? 'chrome' : 'firefox');
      return { dir, files, driver: await launchDriver(engine, { extensionDir: dir }) };
    },
    stop: ({ driver }) => driver.close(),
    scenarios: [
      {
        title: 'carries a complete manifest for its store, and only built files',
        engines: ENGINES,
        run: async ({ driver, dir, files }) => {
          const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<
            string,
            unknown
          >;
          expect(manifest).toMatchObject(MANIFEST[driver.engine]);
          expect(files).toContain('_locales/ko/messages.json');
          expect(files.filter((file) => /\.(ts|map)$|node_modules|^test\//.test(file))).toEqual([]);
        },
      },
      {
        title: 'explains localhost:6000 when loaded from the package',
        engines: ENGINES,
        run: async ({ driver }) => {
          const page = await driver.newPage();
          await driver.navigateFailing(page, 'http://localhost:6000/');
          await driver.explained(page);
          expect(await text(page, 'h1')).toBe('Your browser blocked port 6000');
          expect(driver.errors).toEqual([]);
          await page.close();
        },
      },
    ],
  }),
];
