/**
 * The failures no browser event reveals, read from the page itself (a dev server's refusal: lib/kinds/*\/kind.ts
 * `page`), and only when the user opens the popup on that tab: the click grants access to the tab (activeTab)
 * for a moment, so no host permission is needed and no other page is ever read.
 *
 * The page is judged where it is: the script gets the rules, tests the page's text inside the page, and answers
 * only the verdict (the matched code) with the page's address. No page text ever leaves the page, so a mail or
 * bank tab the popup is opened on gives nothing away.
 */
import { browser } from 'wxt/browser';
import { PAGE_RULES, type PageRule } from '../kinds/registry.ts';
import { isWebUrl } from '../core/url.ts';

/** A refusal is a short text page; longer pages are apps, and are not judged. */
const MAX_PAGE_TEXT = 2000;
/** What the signals look at: the start of the text. */
const READ_TEXT = 300;
/** The longest address kept from a page's answer (Chrome's own cap on a URL is 2 MB; ours is far below). */
const MAX_URL = 4096;

export interface PageFailure {
  url: string;
  code: string;
}

/** What a page tells the script: read from the page itself unless a test passes it in. */
export interface PageContent {
  url: string;
  text: string;
}

/**
 * Runs in the page (scripting.executeScript serialises it: it must not use anything outside itself, so the
 * rules come in as regex sources and are rebuilt here). Pure given `page`, which tests pass instead of a DOM.
 * Answers the matched code and the page's address, or null: never any of the text.
 * https://developer.chrome.com/docs/extensions/reference/api/scripting#type-ScriptInjection ("func": "the
 * function will be serialized, and then deserialized for injection").
 */
export function judgePage(
  rules: readonly PageRule[],
  max: number,
  read: number,
  page: PageContent = { url: location.href, text: document.body?.innerText ?? '' },
): PageFailure | null {
  if (page.text.length > max) return null;
  const start = page.text.slice(0, read).trimStart();
  for (const rule of rules)
    if (new RegExp(rule.source, rule.flags).test(start)) return { url: page.url, code: rule.code };
  return null;
}

/** Pure: the failure a page script answered, checked (the page may have replaced the answer: untrusted). */
export function pageFailure(answer: unknown, rules: readonly PageRule[] = PAGE_RULES): PageFailure | null {
  if (typeof answer !== 'object' || answer === null) return null;
  const { url, code } = answer as { url?: unknown; code?: unknown };
  if (typeof url !== 'string' || typeof code !== 'string') return null;
  if (url.length > MAX_URL || !isWebUrl(url)) return null;
  // Only a code one of our rules records: a page cannot make up a failure kind.
  return rules.some((rule) => rule.code === code) ? { url, code } : null;
}

/** Judges the top page of `tabId` (the popup's tab); null where the browser does not let us or nothing matches. */
export async function checkPage(tabId: number): Promise<PageFailure | null> {
  const results = await browser.scripting
    .executeScript({ target: { tabId }, func: judgePage, args: [PAGE_RULES, MAX_PAGE_TEXT, READ_TEXT] })
    .catch(() => []);
  return pageFailure(results[0]?.result);
}
