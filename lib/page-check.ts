/**
 * The failures no browser event reveals, read from the page itself (a dev server's refusal: lib/kinds/*\/kind.ts
 * `page`), and only when the user opens the popup on that tab: the click grants access to the tab (activeTab)
 * for a moment, so no host permission is needed and no other page is ever read.
 */
import { browser } from 'wxt/browser';
import { classifyPage } from './kinds/registry.ts';

/** A refusal is a short text page; longer pages are apps, and are not read further. */
const MAX_PAGE_TEXT = 2000;
/** What the signals look at: the start of the text. */
const READ_TEXT = 300;

export interface PageFailure {
  url: string;
  code: string;
}

/** Runs in the page: its address and the start of its text, when the whole text is short. */
function readPage(max: number, read: number): { url: string; text: string } | null {
  const text = document.body?.innerText ?? '';
  return text.length <= max ? { url: location.href, text: text.slice(0, read) } : null;
}

/** Pure: what a page's address and text mean, from what the page script answered (untrusted shape). */
export function pageFailure(answer: unknown): PageFailure | null {
  if (typeof answer !== 'object' || answer === null) return null;
  const { url, text } = answer as { url?: unknown; text?: unknown };
  if (typeof url !== 'string' || typeof text !== 'string') return null;
  const code = classifyPage(text.slice(0, READ_TEXT).trimStart());
  return code ? { url, code } : null;
}

/** Reads the top page of `tabId` (the popup's tab); null where the browser does not let us or nothing matches. */
export async function checkPage(tabId: number): Promise<PageFailure | null> {
  const results = await browser.scripting
    .executeScript({ target: { tabId }, func: readPage, args: [MAX_PAGE_TEXT, READ_TEXT] })
    .catch(() => []);
  return pageFailure(results[0]?.result);
}
