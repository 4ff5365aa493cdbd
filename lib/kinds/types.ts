/**
 * What a failure kind declares. A kind is one folder under lib/kinds/ (its id is the folder's name): the error
 * strings it listens to, its pure detection, its place among the reaction groups, and what its explanation shows
 * (headline, summary, the one fix, the sections below). Its messages are `kind.<camelCaseId>.*` in the locales. Every view renders any kind from this declaration and
 * never names a kind itself; test/unit/kinds.meta.test.ts keeps the registry, locales, tests and README in step.
 *
 * Pure and small: the background imports every kind.ts, the pages their explain.ts too. Nothing here imports
 * wxt/browser, #i18n (types only) or svelte.
 */
import type { GeneratedI18nStructure } from '#i18n';

import type { BrowserEngine } from '../core/engine.ts';
export type { BrowserEngine };
export type MessageKey = keyof GeneratedI18nStructure;

/** A message to show: the views translate it (lib/view/text.ts), the kinds only name it. */
export interface Text {
  key: MessageKey;
  /** A Text among them is translated first: a placeholder such as "<your-host>" in the user's language. */
  args?: readonly (string | Text)[];
}

/**
 * Where a browser lets the extension see this failure: a whole tab, a frame, a page's own request, or a tab
 * the user opens the popup on (its page read then, with the access that click gives: activeTab).
 */
export type Seen = 'tab' | 'frame' | 'request' | 'click';

/**
 * One reaction setting per group (options page): a refused port is the browser's own block and may take the tab
 * to the explanation; the local failures of a dev server are explained only when the user asks for it.
 */
export type KindGroup = 'blocked' | 'local';

/** The sections the explanation can show below its first screen; each is one component (explain/sections.ts). */
export type SectionId =
  'service' | 'engines' | 'move' | 'override' | 'deeper-checks' | 'nearby' | 'listeners' | 'checklist';

/** What detection knows when it asks a kind: the failed URL, the browser's error, and what the URL is. */
export interface DetectInput {
  url: URL;
  code: string;
  port: number;
  /** The developer's own machine or LAN (lib/core/local-host.ts, with the user's own list). */
  local: boolean;
}

/** What the views pass back to a kind to word its explanation. */
export interface ExplainInput {
  url: string;
  /** The browser that failed: some browsers report two causes with one error. */
  engine?: BrowserEngine;
  host: string;
  port: number;
  scheme: string;
  /** The registered service on the port, already in the user's language (blocked-port), if any. */
  serviceName?: string;
  /** Another service that owns the port by convention (not-http), as a proper noun. */
  conventionName?: string;
  /** The host that answered a refining probe, as written in a URL ("[::1]"). */
  answeredBy?: string;
  /** The browser's error string, or the code a response or page signal recorded. */
  code?: string;
}

/** The one thing to do, as a button on the first screen: an address to open instead. */
export interface Fix {
  label: Text;
  url: string;
  testId: string;
}

/**
 * A response that is a failure although the page loads (Chrome's deeper checks only: webRequest's
 * onHeadersReceived, filtered to these ports on this machine, so that other pages pay nothing).
 */
export interface ResponseSignal {
  ports: readonly number[];
  status: number;
  /** A response header (lower case) and what its value starts with. */
  header: string;
  startsWith: string;
  /** The code the failure is recorded with, one of the kind's codes. */
  code: string;
}

/**
 * A page that loads but is a failure, told by its own text (a dev server's refusal): read only in the tab the
 * user opens the popup on (lib/signals/page-check.ts), never in other pages.
 */
export interface PageSignal {
  /**
   * Tested against the start of the page's text, inside the page: it travels there as its source and flags
   * (lib/kinds/registry.ts PAGE_RULES), so it must not depend on anything but itself.
   */
  text: RegExp;
  /** The code the failure is recorded with, one of the kind's codes. */
  code: string;
}

export interface FailureKind<Id extends string = string> {
  /** The kind's folder name (lib/kinds/<id>/): the build finds the kind there (scripts/gen-kinds.ts). */
  id: Id;
  /**
   * Where the kind stands among those that listen to the same error: the lowest that says yes wins. Gaps of 10
   * leave room for a kind between two others.
   */
  precedence: number;
  group: KindGroup;
  /**
   * The browsers' error strings this kind listens to: Chrome "net::ERR_…", Firefox webNavigation's "Error code
   * <nsresult>" (Port Doctor registers no webRequest listener in Firefox, so never its NS_ERROR_… names).
   */
  codes: readonly string[];
  response?: ResponseSignal;
  page?: readonly PageSignal[];
  /** A live page's own request with this failure may get the in-page card. */
  card?: boolean;
  /**
   * A kind no error reveals, found by a probe on the explanation of the kind it refines (its explainer's
   * probeHosts; lib/kinds/refine.ts).
   */
  refines?: string;
  /** Pure: given one of its codes on this URL, is this the failure? The first kind that says yes wins. */
  detect(input: DetectInput): boolean;
  /** Short and synchronous: the badge's notification, the popup, the history and the card use it too. */
  headline(input: { port: number }): Text;
}

/**
 * What a kind's explanation shows (lib/kinds/<id>/explain.ts): loaded by the pages only, never by the
 * background, so that a kind's words and fixes cost nothing where nothing is shown.
 */
export interface KindExplainer {
  /** Where each browser lets the extension see it ([] = this browser hides it); the README table says the same. */
  seen: Record<BrowserEngine, readonly Seen[]>;
  /** The tab's title, port first so that a narrow tab strip still shows it ("Port 6000 blocked"). */
  title(input: ExplainInput): Text;
  summary(input: ExplainInput): Text;
  /**
   * Offer Retry (secondary): only where loading the same address again can work once the user acted (a server
   * started, a setting changed); never where the browser will refuse it again.
   */
  retry?: boolean;
  /** The address to open instead, when there is one. */
  fix?(input: ExplainInput): Fix | null;
  /**
   * For a kind that refines another: the hosts to ask on the failed port (bounded, from the extension's page
   * only); the first that answers makes the failure this kind.
   */
  probeHosts?(url: URL): string[];
  /** Likely causes, worded as such, for the 'checklist' section. */
  checklist?(input: ExplainInput): Text[];
  sections: readonly SectionId[];
}
