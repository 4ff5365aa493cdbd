/**
 * The card lives in a closed shadow root, so the page's scripts cannot read or press it, and neither can
 * Puppeteer's `pierce/` selectors, which run as page script. The tests reach it the way only the browser's
 * own tools can: Chromium's DevTools protocol resolves a closed root (DOM.getDocument with pierce), and
 * Firefox lets this extension's content scripts open it (Element.openOrClosedShadowRoot). `exposeCard` then
 * makes the host's `shadowRoot` answer with it in the page's world, for this test page only, so that
 * `pierce/` selectors, trusted clicks through them, and axe work as before. The page under test never does
 * this: the hostile-page tests check that it sees nothing.
 */
import type { ElementHandle, Page } from 'puppeteer-core';
import { waitFor } from './wait.ts';

const HOST = 'port-doctor-overlay';

interface DomNode {
  nodeName: string;
  backendNodeId: number;
  children?: DomNode[];
  shadowRoots?: (DomNode & { shadowRootType?: string })[];
}

function findHost(node: DomNode): DomNode | undefined {
  if (node.nodeName.toLowerCase() === HOST) return node;
  for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) {
    const found = findHost(child);
    if (found) return found;
  }
  return undefined;
}

/**
 * Chromium: exposes the card's closed root through CDP, in every JavaScript world of the page but the
 * extension's own: the page's (axe, page.evaluate) and Puppeteer's utility world (its `pierce/` queries).
 */
export async function exposeCardChromium(page: Page): Promise<void> {
  await waitFor('the card host', () => page.$(HOST));
  const cdp = await page.createCDPSession();
  const worlds: number[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => {
    if (!context.origin.startsWith('chrome-extension://')) worlds.push(context.id);
  });
  try {
    await cdp.send('Runtime.enable');
    await waitFor('the card root', async () => {
      const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
      const shadow = findHost(root as DomNode)?.shadowRoots?.[0];
      if (!shadow) return false;
      for (const executionContextId of worlds) {
        const resolved = await cdp
          .send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId, executionContextId })
          .catch(() => undefined);
        if (!resolved?.object.objectId) continue;
        await cdp.send('Runtime.callFunctionOn', {
          objectId: resolved.object.objectId,
          functionDeclaration: `function () { Object.defineProperty(this.host, 'shadowRoot', { get: () => this, configurable: true }); }`,
        });
      }
      return true;
    });
  } finally {
    await cdp.detach();
  }
}

/**
 * Firefox: from an extension page (`control`), runs a content script in the card's tab that opens the
 * closed root and shows it to the page's world on the host.
 */
export async function exposeCardFirefox(page: Page, control: Page): Promise<void> {
  await waitFor('the card host', () => page.$(HOST));
  const url = await page.evaluate(() => location.href);
  await waitFor('the card root', () =>
    control.evaluate(
      async (pageUrl, host) => {
        type Api = {
          tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> };
          scripting: {
            executeScript(o: object): Promise<{ result?: unknown }[]>;
          };
        };
        const api = (globalThis as unknown as { browser: Api }).browser;
        const tabs = (await api.tabs.query({})).filter((candidate) => candidate.url === pageUrl);
        // Another tab at the same address (one a failed test left open) would be exposed instead.
        if (tabs.length > 1) throw new Error(`${tabs.length} tabs show ${pageUrl}`);
        const tab = tabs[0];
        if (tab?.id === undefined) return false;
        const [injection] = await api.scripting.executeScript({
          target: { tabId: tab.id },
          args: [host],
          func: (name: string) => {
            type Privileged = Element & {
              openOrClosedShadowRoot: ShadowRoot | null;
              wrappedJSObject: Element;
            };
            const element = document.querySelector(name) as Privileged | null;
            const root = element?.openOrClosedShadowRoot as
              (ShadowRoot & { wrappedJSObject: ShadowRoot }) | null;
            if (!element || !root) return false;
            const exportFunction = (
              globalThis as unknown as { exportFunction(f: () => unknown, w: object): () => unknown }
            ).exportFunction;
            Object.defineProperty(element.wrappedJSObject, 'shadowRoot', {
              get: exportFunction(() => root.wrappedJSObject, window),
              configurable: true,
            });
            return true;
          },
        });
        return injection?.result === true;
      },
      url,
      HOST,
    ),
  );
  // The control page may have taken the focus; keys go to the page under test again.
  await page.bringToFront();
}

/** What the page itself can find of the card: its host, and no root behind it. */
export function pageViewOfCard(page: Page): Promise<{ host: boolean; shadowRoot: boolean; text: string }> {
  return page.evaluate((host) => {
    const element = document.querySelector(host);
    return {
      host: element !== null,
      shadowRoot: element?.shadowRoot != null,
      text: `${new XMLSerializer().serializeToString(document)}\n${document.body.innerText}\n${element?.textContent ?? ''}`,
    };
  }, HOST);
}

/**
 * Firefox: an element of the exposed card, found in the page's own world (Puppeteer's `pierce/` runs in a
 * sandbox of its own there, which does not see what exposeCardFirefox put on the page's host).
 */
export async function cardElement(page: Page, selector: string): Promise<ElementHandle<Element> | null> {
  const handle = await page.evaluateHandle(
    (host, inner) => document.querySelector(host)?.shadowRoot?.querySelector(inner) ?? null,
    HOST,
    selector,
  );
  const element = handle.asElement() as ElementHandle<Element> | null;
  if (!element) await handle.dispose();
  return element;
}

/**
 * Waits until the exposed card has finished its entrance animation: mid-fade its colours are not the ones a
 * user reads at rest, and axe would judge the contrast of a passing frame.
 */
export async function cardAtRest(page: Page): Promise<void> {
  await waitFor('the card at rest', () =>
    page.evaluate(
      (host) =>
        document
          .querySelector(host)
          ?.shadowRoot?.getAnimations()
          .every((animation) => animation.playState === 'finished') ?? false,
      HOST,
    ),
  );
}

/**
 * Waits until the exposed card takes clicks (`armed`), or refuses them: it says so on itself (`data-armed`,
 * lib/view/card-guard.ts), in its closed root, where only the browser's tools reach. A click before that is ignored
 * by design, so every test that presses the card waits for this first.
 */
export async function cardArmed(page: Page, armed = true): Promise<void> {
  await waitFor(armed ? 'the card to take clicks' : 'the card to refuse clicks', () =>
    page.evaluate(
      (host, wanted) =>
        document
          .querySelector(host)
          ?.shadowRoot?.querySelector('[data-testid="overlay-card"]')
          ?.getAttribute('data-armed') === wanted,
      HOST,
      String(armed),
    ),
  );
}

/** The centres of the exposed card's buttons, in the page's viewport: "Why?", "Dismiss", "Don't show…". */
export function cardButtons(page: Page): Promise<{ x: number; y: number }[]> {
  return page.evaluate(
    (host) =>
      [...(document.querySelector(host)?.shadowRoot?.querySelectorAll('.actions button') ?? [])].map(
        (button) => {
          const box = button.getBoundingClientRect();
          return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
        },
      ),
    HOST,
  );
}

/** The exposed card's box in the page's viewport (where a hostile page would lay its decoy). */
export function cardBox(page: Page): Promise<{ x: number; y: number; width: number; height: number }> {
  return page.evaluate((host) => {
    const card = document.querySelector(host)?.shadowRoot?.querySelector('[data-testid="overlay-card"]');
    const { x, y, width, height } = card!.getBoundingClientRect();
    return { x, y, width, height };
  }, HOST);
}

/** The text of an element of the exposed card, by its test id; '' while there is none. */
export function cardText(page: Page, testId: string): Promise<string> {
  return page.evaluate(
    (host, selector) =>
      (document.querySelector(host)?.shadowRoot?.querySelector(selector) as HTMLElement | null)?.innerText ??
      '',
    HOST,
    `[data-testid="${testId}"]`,
  );
}
