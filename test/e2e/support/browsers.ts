/**
 * Finds the real browsers the e2e tests drive. A missing browser is a failure that says how to install it,
 * never a skip: these tests are the proof that the extension works where people use it.
 */
import { existsSync } from 'node:fs';

const INSTALL_HINT =
  'Install the browsers with `sudo bash scripts/install-browsers.sh` (Debian/Ubuntu: apt-get install chromium firefox-esr), ' +
  'or point the tests at one with';

function find(kind: string, envVar: string, candidates: string[]): string {
  const fromEnv = process.env[envVar];
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`${envVar}=${fromEnv} does not exist. ${INSTALL_HINT} ${envVar}=/path/to/${kind}.`);
  }
  const found = candidates.find((path) => existsSync(path));
  if (found) return found;
  throw new Error(
    `No ${kind} found (looked in ${candidates.join(', ')}). ${INSTALL_HINT} ${envVar}=/path/to/${kind}.`,
  );
}

export function chromiumPath(): string {
  return find('chromium', 'CHROME_PATH', [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/snap/bin/chromium',
    '/usr/bin/google-chrome-for-testing',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
  ]);
}

export function firefoxPath(): string {
  return find('firefox', 'FIREFOX_PATH', [
    '/usr/bin/firefox-esr',
    '/usr/bin/firefox',
    '/snap/bin/firefox',
    '/Applications/Firefox.app/Contents/MacOS/firefox',
  ]);
}
