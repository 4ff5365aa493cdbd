/**
 * Real Chromium with the production build loaded, driven by puppeteer-core over CDP.
 * Launch details and gotchas: ../shared/reference/e2e-notes.md §3.
 */
import puppeteer, { type Browser, type Page, type WebWorker } from 'puppeteer-core';
import { chromiumPath } from './browsers.ts';
import { builtExtension } from './build.ts';

export interface ChromiumSession {
  browser: Browser;
  extensionId: string;
  /** Console errors and uncaught exceptions seen in the extension's worker and pages. */
  errors: string[];
  worker(): Promise<WebWorker>;
  extensionUrl(path: string): string;
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

export interface ChromiumOptions {
  lang?: string;
  args?: string[];
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

export async function launchChromium(options: ChromiumOptions = {}): Promise<ChromiumSession> {
  const lang = options.lang ?? 'en-US';
  const browser = await puppeteer.launch({
    executablePath: chromiumPath(),
    headless: true,
    pipe: true,
    enableExtensions: [builtExtension('chrome-mv3')],
    args: [
      // Root in a container has no user namespace sandbox.
      '--no-sandbox',
      '--disable-gpu',
      // This machine has no network: without these Chromium keeps dialling Google's hosts.
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      `--lang=${lang}`,
      ...(options.args ?? []),
    ],
    env: { ...process.env, LANGUAGE: lang, LANG: `${lang.replace('-', '_')}.UTF-8` },
  });
  const errors: string[] = [];
  const workerTarget = await browser.waitForTarget(
    (target) => target.type() === 'service_worker' && target.url().startsWith('chrome-extension://'),
    { timeout: 15_000 },
  );
  const extensionId = new URL(workerTarget.url()).host;
  const firstWorker = await workerTarget.worker();
  firstWorker?.on('console', (message) => {
    if (message.type() === 'error') errors.push(`worker: ${message.text()}`);
  });
  // The first webRequest event is lost if a page navigates the moment the worker appears (e2e-notes §3).
  await sleep(500);

  return {
    browser,
    extensionId,
    errors,
    async worker() {
      const target = await browser.waitForTarget(
        (t) => t.type() === 'service_worker' && t.url().startsWith(`chrome-extension://${extensionId}/`),
      );
      const worker = await target.worker();
      if (!worker) throw new Error('extension service worker has no worker handle');
      return worker;
    },
    extensionUrl: (path) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`,
    async newPage() {
      const page = await browser.newPage();
      page.on('pageerror', (error) => errors.push(`page ${page.url()}: ${String(error)}`));
      page.on('console', (message) => {
        if (message.type() === 'error' && page.url().startsWith('chrome-extension://'))
          errors.push(`page ${page.url()}: ${message.text()}`);
      });
      return page;
    },
    close: () => browser.close(),
  };
}
