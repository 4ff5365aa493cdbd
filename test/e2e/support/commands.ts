/**
 * What the explanation of a blocked port shows about commands, the same in both browsers: the lines for this
 * machine's terminal (Linux here, from runtime.getPlatformInfo), the Windows ones a click away, and Windows'
 * reserved ranges flagged on the suggested ports once netsh's listing is pasted.
 */
import type { Page } from 'puppeteer-core';
import { expect } from 'vitest';
import { expectShown, waitFor } from './wait.ts';

const codeLines = (page: Page) =>
  page.$$eval('main pre code', (codes) => codes.map((code) => (code as HTMLElement).innerText));

async function checked(page: Page, group: string): Promise<string> {
  return page.$eval(
    `[data-testid="terminal-${group}"] input:checked`,
    (input) => (input as HTMLInputElement).value,
  );
}

/** The page explains port 6000 and has painted its details. */
export async function expectCommandsPerTerminal(page: Page): Promise<void> {
  await page.waitForSelector('[data-testid="terminal-move"]');
  const port = await page.$eval('[data-testid="alternatives"] .port', (element) => element.textContent);
  await waitFor(
    'the Linux terminal, from the platform',
    async () => (await checked(page, 'move')) === 'linux',
  );
  await page.select('[data-testid="tool"]', 'webpack');
  await expectShown(page, 'main', `PORT=${port} npm start`);
  let lines = await codeLines(page);
  expect(lines).toContain('chromium --explicitly-allowed-ports=6000');
  expect(lines.some((line) => line.includes('$env:') || line.includes('set "'))).toBe(false);
  expect(await page.$('[data-testid="windows-reserved"]')).toBeNull();

  // One click: every block of the page follows.
  await page.click('[data-testid="terminal-move"] input[value="powershell"]');
  await expectShown(page, 'main', `$env:PORT=${port}; npm start`);
  expect(await checked(page, 'override')).toBe('powershell');
  lines = await codeLines(page);
  expect(lines).toContain(
    '& "$env:LOCALAPPDATA\\Google\\Chrome\\Application\\chrome.exe" "--explicitly-allowed-ports=6000"',
  );
  expect(lines).not.toContain(`PORT=${port} npm start`);
  expect(lines).toContain('netsh interface ipv4 show excludedportrange protocol=tcp');

  // netsh's listing, pasted: the suggested port inside a range is flagged.
  await page.type(
    '[data-testid="windows-reserved"] textarea',
    `Start Port    End Port\n----------    --------\n      ${Number(port) - 5}        ${Number(port) + 5}\n`,
  );
  await expectShown(page, `[data-testid="reserved-${port}"]`, 'reserved by Windows');

  await page.click('[data-testid="terminal-override"] input[value="cmd"]');
  await expectShown(page, 'main', `set "PORT=${port}" && npm start`);
  expect(await codeLines(page)).toContain(
    '"%LOCALAPPDATA%\\Google\\Chrome\\Application\\chrome.exe" --explicitly-allowed-ports=6000',
  );

  // What else a developer needs to know, next to the commands.
  await expectShown(page, '[data-testid="auto-port"]', '--strictPort');
  await expectShown(
    page,
    '[data-testid="override-policy"]',
    'ExplicitlyAllowedNetworkPorts policy online: it no longer helps',
  );
  await expectShown(page, '[data-testid="override-firefox-note"]', 'without restarting Firefox');
  await expectShown(page, '[data-testid="override-safari"]', 'Safari');
}
