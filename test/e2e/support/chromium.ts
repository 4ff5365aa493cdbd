/**
 * Real Chromium with the production build loaded, driven by puppeteer-core over CDP.
 * Each launch flag says why it is there (CHROMIUM_ARGS, launchChromium).
 */
import type { ExtensionGlobals } from './extension-api';
import { join } from 'node:path';
import puppeteer, { type Browser, type CDPSession, type Page, type Target } from 'puppeteer-core';
import { chromiumPath } from './browsers.ts';
import { startServer } from './server.ts';
import { builtExtension } from './build.ts';
import { fileStamp, profileCopy } from './profiles.ts';
import { waitFor } from './wait.ts';

export interface ChromiumSession {
  browser: Browser;
  extensionId: string;
  /** Console errors and uncaught exceptions seen in the extension's worker and pages. */
  errors: string[];
  /** Runs `fn` in the extension's service worker (its source is sent; arguments must be JSON). */
  inWorker<T, A extends unknown[]>(fn: (...args: A) => T | Promise<T>, ...args: A): Promise<Awaited<T>>;
  /** Stops the service worker, as the browser does when it is idle. */
  stopWorker(): Promise<void>;
  extensionUrl(path: string): string;
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

export interface ChromiumOptions {
  lang?: string;
  args?: string[];
  /** An unpacked extension other than the production build (benchmarks load a copy). */
  extensionDir?: string;
  /**
   * Pages whose URL contains this are left alone by Puppeteer: Chromium turns prerendering off in a page
   * DevTools is attached to (PrerenderingDisabledByDevTools), so a prerender test needs a page it is not.
   */
  unattached?: string;
  /**
   * Turn on the deeper checks (the optional `webRequest`), as a user does: one click on the options page's
   * switch, then Chrome restarted with the same profile (Chromium applies the grant from its next start:
   * lib/state/permissions.ts). Needed for the card of a page's own requests.
   */
  deeperChecks?: boolean;
  /** A profile folder to start with (kept after close); a fresh one otherwise. */
  userDataDir?: string;
  /** How many times this launch was made again because the extension came up without its messages. */
  relaunched?: number;
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** The flags every headless Chromium here gets, with or without the extension. */
export const CHROMIUM_ARGS = [
  // Root in a container has no user namespace sandbox.
  '--no-sandbox',
  '--disable-gpu',
  // This machine has no network: without these Chromium keeps dialling Google's hosts.
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export async function launchChromium(options: ChromiumOptions = {}): Promise<ChromiumSession> {
  if (options.deeperChecks) {
    // Granted in one session, in effect from the next start on the same profile (lib/state/permissions.ts).
    const grant = async (userDataDir: string) => {
      const first = await launchChromium({
        lang: options.lang,
        extensionDir: options.extensionDir,
        userDataDir,
      });
      await turnOnDeeperChecks(first);
      await first.close();
    };
    if (options.userDataDir !== undefined) {
      await grant(options.userDataDir);
      return launchChromium({ ...options, deeperChecks: false });
    }
    // Granted once, in a template profile that every such session starts from a copy of.
    const extension = options.extensionDir ?? builtExtension('chrome-mv3');
    const profile = await profileCopy(
      'chromium-deeper-checks',
      [fileStamp(chromiumPath()), fileStamp(join(extension, 'manifest.json')), options.lang ?? 'en-US'],
      grant,
    );
    const session = await launchChromium({ ...options, deeperChecks: false, userDataDir: profile.dir });
    return { ...session, close: () => session.close().finally(profile.remove) };
  }
  const lang = options.lang ?? 'en-US';
  const extension = options.extensionDir ?? builtExtension('chrome-mv3');
  const browser = await puppeteer.launch({
    executablePath: chromiumPath(),
    headless: true,
    pipe: true,
    ...(options.userDataDir !== undefined && { userDataDir: options.userDataDir }),
    // --load-extension rather than Puppeteer's enableExtensions (CDP Extensions.loadUnpacked): an extension
    // loaded over CDP was not woken by webNavigation events once its worker had been stopped (seen in
    // Chromium 156), and real users' extensions are not loaded that way either.
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [
      `--disable-extensions-except=${extension}`,
      `--load-extension=${extension}`,
      ...CHROMIUM_ARGS,
      `--lang=${lang}`,
      ...(options.args ?? []),
    ],
    env: { ...process.env, LANGUAGE: lang, LANG: `${lang.replace('-', '_')}.UTF-8` },
    ...(options.unattached !== undefined && {
      targetFilter: (target: Target) => !target.url().includes(options.unattached ?? ''),
    }),
  });
  const errors: string[] = [];
  const workerTarget = await browser.waitForTarget(
    (target) => target.type() === 'service_worker' && target.url().startsWith('chrome-extension://'),
    { timeout: 15_000 },
  );
  const extensionId = new URL(workerTarget.url()).host;
  // Watch the worker's console for errors. The session is detached before the worker is stopped: Chromium
  // does not restart a stopped worker that DevTools is still attached to.
  const watcher = await workerTarget.createCDPSession();
  watcher.on('Runtime.consoleAPICalled', (event) => {
    if (event.type === 'error')
      errors.push(`worker: ${event.args.map((arg) => arg.value ?? arg.description).join(' ')}`);
  });
  watcher.on('Runtime.exceptionThrown', (event) => errors.push(`worker: ${event.exceptionDetails.text}`));
  await watcher.send('Runtime.enable');
  // The extension's messages, asked for by its worker before any page of it opens. Chromium 156 sometimes
  // runs an extension whose chrome.i18n answers "" for every key, in its worker and all its pages at once
  // (seen in e2e runs where a page was the first to ask; reloading the page or opening another did not
  // help). A session in that state is made again, at most three times.
  const { result: named } = await watcher.send('Runtime.evaluate', {
    expression: `chrome.i18n.getMessage('extName')`,
    returnByValue: true,
  });
  if (named.value === '' && (options.relaunched ?? 0) < 3) {
    console.warn('[e2e] Chromium started the extension without its messages; starting again');
    await browser.close();
    return launchChromium({ ...options, relaunched: (options.relaunched ?? 0) + 1 });
  }
  // The first webRequest event is lost if a page navigates the moment the worker appears (seen in 3 of 3
  // runs with no wait): wait until a page load reaches the worker's listeners.
  await listenersReady(browser, watcher);

  const isWorker = (t: Target) =>
    t.type() === 'service_worker' && t.url().startsWith(`chrome-extension://${extensionId}/`);
  const findWorker = async (): Promise<Target> => {
    const running = browser.targets().find(isWorker);
    if (running) return running;
    // Chromium stops a worker idle for 30 s. The options page messages the background, which starts it.
    const waking = await browser.newPage();
    try {
      await waking.goto(`chrome-extension://${extensionId}/options.html`);
      return await browser.waitForTarget(isWorker, { timeout: 10_000 });
    } finally {
      await waking.close();
    }
  };

  const session: ChromiumSession = {
    browser,
    extensionId,
    errors,
    async inWorker(fn, ...args) {
      // Attach, evaluate, detach: a worker left attached would not be restarted after a stop.
      const cdp = await (await findWorker()).createCDPSession();
      try {
        const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
          expression: `(${fn.toString()})(...${JSON.stringify(args)})`,
          awaitPromise: true,
          returnByValue: true,
        });
        if (exceptionDetails)
          throw new Error(
            `in the worker: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`,
          );
        return result.value;
      } finally {
        await cdp.detach();
      }
    },
    async stopWorker() {
      await watcher.detach().catch(() => undefined);
      const cdp = await browser.target().createCDPSession();
      const { targetInfos } = await cdp.send('Target.getTargets');
      for (const info of targetInfos) {
        if (info.type === 'service_worker' && info.url.startsWith(`chrome-extension://${extensionId}/`)) {
          await cdp.send('Target.closeTarget', { targetId: info.targetId });
        }
      }
      await cdp.detach();
    },
    extensionUrl: (path) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`,
    async newPage() {
      const page = await browser.newPage();
      page.on('pageerror', (error) => errors.push(`page ${page.url()}: ${String(error)}`));
      page.on('console', (message) => {
        // The explanation page probes local ports; Chrome logs each refused probe as a console error.
        const probe = message.text().startsWith('Failed to load resource: net::ERR_CONNECTION_REFUSED');
        if (message.type() === 'error' && !probe && page.url().startsWith('chrome-extension://'))
          errors.push(`page ${page.url()}: ${message.text()}`);
      });
      return page;
    },
    close: () => browser.close(),
  };
  return session;
}

/**
 * Waits until the browser delivers the worker's events, instead of sleeping (the first webRequest event
 * was lost when a page navigated the moment the worker appeared). The background adds its
 * listeners synchronously while its script runs; this adds one more to webNavigation and (deeper checks)
 * webRequest afterwards, from the same worker, and waits until a page load reaches them. Listeners are
 * registered with the browser in the order they are added, so the extension's own were in place before.
 * The page loads from 127.0.0.1 (webRequest sees only the local hosts) without failing: Port Doctor keeps
 * nothing of it.
 */
async function listenersReady(browser: Browser, worker: CDPSession): Promise<void> {
  const path = `/port-doctor-ready-${++readyCount}`;
  const server = await startServer({ [path]: '<!doctype html><title>ready</title>' });
  const url = `${server.origin}${path}`;
  const page = await browser.newPage();
  try {
    const { exceptionDetails } = await worker.send('Runtime.evaluate', {
      expression: `(${((target: string) => {
        const { chrome } = globalThis as unknown as ExtensionGlobals;
        const scope = globalThis as unknown as { portDoctorReady?: Promise<void> };
        scope.portDoctorReady = new Promise<void>((ready) => {
          const waiting = new Set(chrome.webRequest ? ['webNavigation', 'webRequest'] : ['webNavigation']);
          const heard = (api: string) => (details: { url: string }) => {
            if (details.url !== target) return;
            waiting.delete(api);
            if (waiting.size > 0) return;
            chrome.webNavigation.onCompleted.removeListener(onNavigation);
            chrome.webRequest?.onCompleted.removeListener(onRequest);
            ready();
          };
          const onNavigation = heard('webNavigation');
          const onRequest = heard('webRequest');
          chrome.webNavigation.onCompleted.addListener(onNavigation);
          chrome.webRequest?.onCompleted.addListener(onRequest, { urls: ['<all_urls>'] });
        });
      }).toString()})(${JSON.stringify(url)})`,
    });
    if (exceptionDetails) throw new Error(`in the worker: ${exceptionDetails.text}`);
    void page.goto(url, { timeout: 0 }).catch(() => undefined);
    const heard = worker.send('Runtime.evaluate', {
      expression: 'globalThis.portDoctorReady',
      awaitPromise: true,
    });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<never>((_, fail) => {
      timer = setTimeout(
        () => fail(new Error(`The extension's worker never heard of the load of ${url}`)),
        SENTINEL_MS,
      );
    });
    await Promise.race([heard, late]).finally(() => clearTimeout(timer));
  } finally {
    await page.close();
    await server.close();
  }
}

let readyCount = 0;

/** How long a sentinel may take on two busy cores. */
export const SENTINEL_MS = 30_000;

/**
 * Records the JavaScript worlds the extension creates in a page: a content script runs in an isolated world
 * whose origin is chrome-extension://<id>, one per injection. None means no extension code ran there.
 */
export async function extensionWorlds(page: Page, extensionId: string): Promise<string[]> {
  const worlds: string[] = [];
  const cdp = await page.createCDPSession();
  cdp.on('Runtime.executionContextCreated', ({ context }) => {
    if (context.origin.startsWith(`chrome-extension://${extensionId}`)) worlds.push(context.name);
  });
  await cdp.send('Runtime.enable');
  return worlds;
}

let settleCount = 0;

/**
 * Waits until the extension has handled everything that happened before this call: a failure on 10080 in
 * a tab of its own must reach the tab state (the background handles events in order, and records every
 * failure it does not stay quiet about). A test then asserts that something did not happen, without
 * guessing a time.
 */
export async function settle(session: ChromiumSession): Promise<void> {
  const url = `http://localhost:10080/settle-${++settleCount}`;
  const page = await session.browser.newPage();
  // Not awaited: the extension moves the tab, and only the tab state is the sentinel.
  void page.goto(url, { timeout: 0 }).catch(() => undefined);
  await waitForStored(session, url);
  await page.close();
}

async function waitForStored(session: ChromiumSession, url: string): Promise<void> {
  const deadline = Date.now() + SENTINEL_MS;
  while (Date.now() < deadline) {
    const found = await session.inWorker(async (target: string) => {
      const scope = globalThis as unknown as {
        chrome: { storage: { session: { get(key: string): Promise<Record<string, unknown>> } } };
      };
      const { tabFailures } = await scope.chrome.storage.session.get('tabFailures');
      return Object.values((tabFailures ?? {}) as Record<string, { url: string }[]>)
        .flat()
        .some((failure) => failure.url === target);
    }, url);
    if (found) return;
    await sleep(100);
  }
  throw new Error(`The sentinel failure ${url} was never handled`);
}

/** The toolbar badge of the tab showing (or loading) `url`; 'no such tab' when there is none. */
export function badgeOf(session: ChromiumSession, url: string): Promise<string> {
  return session.inWorker(async (target: string) => {
    const { chrome } = globalThis as unknown as {
      chrome: {
        tabs: { query(q: object): Promise<{ id?: number; url?: string; pendingUrl?: string }[]> };
        action: { getBadgeText(d: { tabId?: number }): Promise<string> };
      };
    };
    const tab = (await chrome.tabs.query({})).find(
      (candidate) => candidate.url === target || candidate.pendingUrl === target,
    );
    return tab ? chrome.action.getBadgeText({ tabId: tab.id }) : 'no such tab';
  }, url);
}

/** One click on the options page's "Deeper checks" switch; waits until the browser granted it. */
export async function turnOnDeeperChecks(session: ChromiumSession): Promise<void> {
  const page = await session.browser.newPage();
  try {
    await page.goto(session.extensionUrl('/options.html'));
    const toggle = await waitFor('the deeper checks switch', () => page.$('[data-testid="deeper-checks"]'));
    await toggle.click();
    await waitFor('the deeper checks to be granted', () => page.$('[data-testid="deeper-checks-restart"]'));
  } finally {
    await page.close();
  }
}

/**
 * How `page.goto` fails on a blocked port: Chromium's own refusal, or, for a port already refused this
 * session, Port Doctor's redirect to the explanation replacing the navigation as it starts (lib/signals/proven-blocked.ts).
 */
export const REFUSED = /net::ERR_UNSAFE_PORT|net::ERR_ABORTED/;

/** Types a URL that Chrome refuses, and waits for Port Doctor's explanation in the same tab. */
export async function openBlocked(session: ChromiumSession, url: string, into?: Page): Promise<Page> {
  const page = into ?? (await session.newPage());
  // Chromium's own refusal is not waited for (a test about it asserts REFUSED itself): the sentinel is the
  // tab's address becoming the explanation.
  void page.goto(url, { timeout: 0 }).catch(() => undefined);
  await waitFor('the explanation page', async () => page.url().includes('/explain.html?'), SENTINEL_MS);
  await waitFor('the headline', () => page.$eval('h1', (h1) => h1.textContent?.trim()));
  return page;
}

/**
 * Stores settings as the extension does: in storage.sync and its local copy. (Sync is read first: a value
 * written to local alone loses to any earlier save, such as the explanation remembering the tool.)
 */
export async function storeSettings(
  session: ChromiumSession,
  settings: Record<string, unknown>,
): Promise<void> {
  await session.inWorker(async (value: Record<string, unknown>) => {
    const { chrome } = globalThis as unknown as ExtensionGlobals;
    await Promise.all([
      chrome.storage.sync.set({ settings: value }),
      chrome.storage.local.set({ settings: value }),
    ]);
  }, settings);
}

/** The user's choice "explain" for both reactions: a failed tab goes to the explanation, whatever its kind. */
export async function explainEveryFailure(session: ChromiumSession): Promise<void> {
  await storeSettings(session, { blockedNavigation: 'explain', localFailures: 'explain' });
}

/**
 * The user's click on Port Doctor's toolbar button while `page` is the tab in front: Chromium runs the action
 * (CDP Extensions.triggerAction), which opens the popup and grants activeTab for that tab, as a real click does.
 */
export async function clickToolbarButton(session: ChromiumSession, page: Page): Promise<Page> {
  await page.bringToFront();
  const popupUrl = session.extensionUrl('/popup.html');
  const opened = session.browser.waitForTarget((target) => target.url() === popupUrl);
  const cdp = await session.browser.target().createCDPSession();
  // Puppeteer's own Page.triggerExtensionAction needs an extension it loaded itself; the tab's id is the same.
  const targetId = (page as unknown as { _tabId: string })._tabId;
  await cdp.send('Extensions.triggerAction', { id: session.extensionId, targetId });
  await cdp.detach();
  const popup = await (await opened).asPage();
  await popup.waitForSelector('h1');
  return popup;
}
