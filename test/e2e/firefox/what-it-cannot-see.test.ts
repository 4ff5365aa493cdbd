/**
 * Firefox only: it tells extensions nothing of a page's own requests to a blocked port (README "What each
 * browser lets an extension see"), and Port Doctor says so where the user would look for them.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import { launchDriver, type BrowserDriver } from '../support/driver.ts';
import { expectShown } from '../support/wait.ts';

const SAYS = "Firefox tells extensions nothing when a page's own request hits a blocked port";

describe('Firefox: what it does not let Port Doctor see, said', () => {
  let driver: BrowserDriver;

  beforeAll(async () => {
    driver = await launchDriver('firefox');
  });

  afterAll(async () => {
    await driver?.close();
  });

  it('in the popup', async () => {
    const page = await driver.openExtensionPage('/popup.html');
    await expectShown(page, 'main', SAYS);
    await page.close();
  });

  it('on the options page', async () => {
    const page = await driver.openExtensionPage('/options.html');
    await expectShown(page, '[data-testid="firefox-note"]', SAYS);
    await page.close();
  });
});
