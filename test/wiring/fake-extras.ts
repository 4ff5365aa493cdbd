/**
 * WXT's fake browser leaves webRequest, scripting, tabs.sendMessage, permissions' events and runtime.getManifest
 * unimplemented
 * (they throw). These stand-ins record what the background asked for, so the tests can assert on it.
 */
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

type Listener = (...args: never[]) => unknown;

/** An event like the browser's, with trigger() as in the fake browser's own events. */
export function fakeEvent() {
  const listeners: Listener[] = [];
  return {
    addListener: (listener: Listener) => void listeners.push(listener),
    removeListener: (listener: Listener) => void listeners.splice(listeners.indexOf(listener), 1),
    hasListener: (listener: Listener) => listeners.includes(listener),
    hasListeners: () => listeners.length > 0,
    trigger: (...args: unknown[]) =>
      Promise.all(listeners.map((listener) => (listener as (...a: unknown[]) => unknown)(...args))),
  };
}

export function installExtras() {
  // fakeBrowser.reset() leaves webNavigation's listeners in place; a fresh background.main() per test needs them gone.
  for (const event of Object.values(fakeBrowser.webNavigation)) {
    if (typeof event === 'object' && 'removeAllListeners' in event)
      (event as { removeAllListeners(): void }).removeAllListeners();
  }
  const webRequestError = fakeEvent();
  const webRequestHeaders = fakeEvent();
  Object.assign(fakeBrowser.webRequest, {
    onErrorOccurred: webRequestError,
    onHeadersReceived: webRequestHeaders,
  });
  const executeScript = vi.fn(async () => []);
  Object.assign(fakeBrowser.scripting, { executeScript });
  // No overlay is listening until one was injected: the real browser rejects the same way.
  const sendMessage = vi.fn(async () => {
    throw new Error('Could not establish connection. Receiving end does not exist.');
  });
  Object.assign(fakeBrowser.tabs, { sendMessage });
  const permissionAdded = fakeEvent();
  Object.assign(fakeBrowser.permissions, { onAdded: permissionAdded, onRemoved: fakeEvent() });
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({
    manifest_version: 3,
    name: 'Port Doctor',
    version: '9.9.9',
  });
  return { webRequestError, webRequestHeaders, executeScript, sendMessage, permissionAdded };
}

/** Who sends a message, as runtime.onMessage reports it. */
export interface From {
  tabId?: number;
  frameId?: number;
  url?: string;
  id?: string;
}

/** The options page (an extension page in no tab that failed). */
export const fromOptions = (): From => ({ url: fakeBrowser.runtime.getURL('/options.html') });
/** The explanation page, in tab `tabId`. */
export const fromExplanation = (tabId: number): From => ({
  tabId,
  frameId: 0,
  url: `${fakeBrowser.runtime.getURL('/explain.html')}?url=x`,
});
/** The card: the content script in the top frame of the page at `url`, in tab `tabId`. */
export const fromCard = (tabId: number, url: string, frameId = 0): From => ({ tabId, frameId, url });

/** What ask() answers when the background refused the message: it neither ran it nor answered. */
export const REFUSED = Symbol('refused');

/** Sends a message the way `from` would, and returns the answer, or REFUSED. */
export async function ask(message: unknown, from: From = fromOptions()): Promise<unknown> {
  let answer: unknown;
  let done: () => void = () => undefined;
  const answered = new Promise<void>((resolve) => (done = resolve));
  const sender = {
    id: from.id ?? fakeBrowser.runtime.id,
    url: from.url,
    ...(from.frameId === undefined ? {} : { frameId: from.frameId }),
    ...(from.tabId === undefined ? {} : { tab: { id: from.tabId } }),
  };
  type Sender = Parameters<typeof fakeBrowser.runtime.onMessage.trigger>[1];
  const handled = await fakeBrowser.runtime.onMessage.trigger(
    message,
    sender as Sender,
    (response: unknown) => {
      answer = response;
      done();
    },
  );
  // A listener that will answer returns true (it keeps the channel open); one that refused returns false.
  if (!(handled as unknown[]).includes(true)) return REFUSED;
  await answered;
  return answer;
}

/** webNavigation event details for `url` in a frame of a tab, as both browsers send them. */
export function frameDetails(url: string, tabId: number, frameId = 0) {
  return {
    url,
    tabId,
    frameId,
    parentFrameId: -1,
    processId: 1,
    timeStamp: 0,
    documentId: 'document-1',
    documentLifecycle: 'active' as const,
    frameType: frameId === 0 ? ('outermost_frame' as const) : ('sub_frame' as const),
  };
}
