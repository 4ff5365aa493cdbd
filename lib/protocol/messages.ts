/**
 * The one message protocol between the extension's pages, its overlay and its background. Each message name
 * maps to its request and response types; the background registers all handlers as one object.
 */
import { browser } from 'wxt/browser';
import type { CardEntry } from '../view/card.ts';
import {
  callerRoles,
  MAX_MESSAGE_URL,
  noPayload,
  onlyFound,
  onlyString,
  onlyTabId,
  type Caller,
} from './senders.ts';
import type { Found } from '../servers/apps.ts';

export interface Status {
  version: string;
  /** When this background instance started (it restarts after the browser stops an idle worker). */
  startedAt: number;
}

export interface Protocol {
  /** Is the background alive, and which instance answers? (The options page.) */
  status: { request: null; response: Status };
  /** The card asks what its page may be shown of the blocked requests in its own tab. */
  cardEntries: { request: null; response: CardEntry[] };
  /** The card asks which ports the user prefers (settings), to lead its suggestions. */
  preferredPorts: { request: null; response: number[] };
  /** The card's "Why?": open the explanation of one of its lines (by its label) in a new tab. */
  openExplanation: { request: { label: string }; response: boolean };
  /** The card's "Don't show on this site", for the page that sent it. */
  muteSite: { request: null; response: boolean };
  /** The explanation page asks to load an http(s) URL in its tab (Retry, "open on port N"). */
  openUrl: { request: { url: string }; response: boolean };
  /**
   * The popup, just opened on a tab by the user's click: read that tab's page for a failure no event reveals
   * (lib/signals/page-check.ts). True when one was found and recorded for the tab.
   */
  checkTab: { request: { tabId: number }; response: boolean };
  /** The popup's or the explanation's scan found these servers: remembered where an app was opened before. */
  learnServers: { request: { found: Found[] }; response: boolean };
  /** Forget every remembered app (the options; the popup's Clear, with the history). */
  forgetApps: { request: null; response: boolean };
}

export type MessageName = keyof Protocol;

/** Who sent a message: its tab, if it runs in one, and the URL of its document. */
export interface Sender {
  tabId?: number;
  url?: string;
}

export type Handlers = {
  [K in MessageName]: (request: Protocol[K]['request'], sender: Sender) => Promise<Protocol[K]['response']>;
};

/** Per message: who may send it, and its payload's only valid shape (undefined: refused). */
const RULES: {
  [K in MessageName]: { from: Caller; request: (value: unknown) => Protocol[K]['request'] | undefined };
} = {
  status: { from: 'extension-page', request: noPayload },
  cardEntries: { from: 'card', request: noPayload },
  preferredPorts: { from: 'card', request: noPayload },
  openExplanation: { from: 'card', request: onlyString('label', MAX_MESSAGE_URL) },
  muteSite: { from: 'card', request: noPayload },
  openUrl: { from: 'explanation-page', request: onlyString('url', MAX_MESSAGE_URL) },
  checkTab: { from: 'extension-page', request: onlyTabId },
  learnServers: { from: 'extension-page', request: onlyFound },
  forgetApps: { from: 'extension-page', request: noPayload },
};

interface Envelope {
  portDoctor: MessageName;
  request: unknown;
}

/** Sent from the background to a tab's overlay when more failures arrive. */
const OVERLAY_REFRESH = { portDoctorOverlay: 'refresh' } as const;

function isEnvelope(value: unknown): value is Envelope {
  if (typeof value !== 'object' || value === null || !('portDoctor' in value)) return false;
  const name = (value as { portDoctor: unknown }).portDoctor;
  return typeof name === 'string' && Object.hasOwn(RULES, name);
}

export function send<K extends MessageName>(
  name: K,
  request: Protocol[K]['request'],
): Promise<Protocol[K]['response']> {
  const envelope: Envelope = { portDoctor: name, request };
  return browser.runtime.sendMessage(envelope) as Promise<Protocol[K]['response']>;
}

/**
 * Registers the background's handlers. A message is answered only when its sender holds the role its rule
 * names and its payload has the rule's shape; anything else gets no answer and runs nothing. It answers
 * through sendResponse rather than a returned promise, which both browsers and WXT's fake browser support.
 */
export function handleMessages(handlers: Handlers): void {
  browser.runtime.onMessage.addListener(
    (message: unknown, sender, sendResponse: (response: unknown) => void) => {
      if (!isEnvelope(message)) return false;
      const rule = RULES[message.portDoctor];
      const roles = callerRoles(sender, browser.runtime.id, browser.runtime.getURL('/'));
      const request = rule.request(message.request);
      if (!roles.has(rule.from) || request === undefined) {
        console.warn('[Port Doctor] refused message', message.portDoctor, 'from', sender.url);
        return false;
      }
      const handler = handlers[message.portDoctor] as (request: unknown, sender: Sender) => Promise<unknown>;
      handler(request, { tabId: sender.tab?.id, url: sender.url }).then(sendResponse, (error: unknown) => {
        console.error('[Port Doctor] message', message.portDoctor, error);
        sendResponse(undefined);
      });
      return true;
    },
  );
}

/** Tells a tab's overlay to refresh. False when the tab has no overlay listening yet. */
export async function notifyOverlay(tabId: number): Promise<boolean> {
  try {
    await browser.tabs.sendMessage(tabId, OVERLAY_REFRESH);
    return true;
  } catch {
    return false;
  }
}

/** The overlay's side of notifyOverlay. Returns the function that stops listening. */
export function onOverlayRefresh(callback: () => void): () => void {
  const listener = (
    message: unknown,
    _sender: unknown,
    sendResponse: (response: boolean) => void,
  ): undefined => {
    if (typeof message !== 'object' || message === null || !('portDoctorOverlay' in message)) return;
    callback();
    // Answer, so that the background's sendMessage resolves: an unanswered message rejects in Chrome,
    // which would read as "no card here" and inject again.
    sendResponse(true);
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
