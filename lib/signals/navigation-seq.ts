/**
 * Counts the top-level navigations of each tab, so that a late reaction to a failure can tell whether the
 * user has moved on. Typing a URL right after another failed must win over our redirect to the explanation
 * of the first, and a late notification click must not replace the page the tab shows now. In memory: a
 * restarted background starts at zero for every tab,
 * which reads as "not moved on", the old behaviour.
 *
 * Checking before the redirect is not enough: the event of the user's next navigation may still be on its
 * way to the background when the redirect is sent, and the redirect then aborts that navigation (Chromium
 * reports it as net::ERR_ABORTED; seen in the e2e burst test). So each redirect is remembered for a moment,
 * and a navigation that started after it and was aborted may be given back (`abortedByUs`).
 *
 * But only one that is provably the user's is loaded again (`giveBack`): an aborted navigation may as well have
 * been started by a page, and loading it ourselves would make it the browser's own top-level navigation (no
 * initiator, `Sec-Fetch-Site: none`, SameSite=Strict cookies sent: https://web.dev/articles/samesite-cookies-explained):
 * a page could make Port Doctor load a URL of its choosing. Two pages can steer a tab: the one that opened it
 * (`window.open` keeps a handle that may set its location), and the page the tab still shows when a redirect
 * pre-empts a navigation (Chromium, lib/signals/pre-empt.ts: the old document lives until ours commits). Anything
 * else is offered on the explanation, behind a click.
 */

/** How long after our redirect an aborted navigation is taken to be one we aborted. */
export const REDIRECT_WINDOW_MS = 3000;

export class NavigationSeq {
  #seq = new Map<number, number>();
  #latest = new Map<number, string>();
  #redirects = new Map<number, { seq: number; time: number; fromPage: boolean }>();
  /** Tabs whose top document is a web page (its scripts run), as the last top-level event said. */
  #live = new Set<number>();

  /** A new top-level navigation to `url` started (or, in Firefox, an error page committed) in the tab. */
  bump(tabId: number, url: string): void {
    this.#seq.set(tabId, (this.#seq.get(tabId) ?? 0) + 1);
    this.#latest.set(tabId, url);
  }

  /**
   * Firefox committed a document (often its error page) at `url`: a new navigation only when none started for
   * that URL. Firefox starts a refused connection (onBeforeNavigate) and then commits its error page; counting
   * the commit too would make the failure's own reaction, still deciding, look overtaken.
   */
  committed(tabId: number, url: string): void {
    if (this.#latest.get(tabId) !== url) this.bump(tabId, url);
  }

  current(tabId: number): number {
    return this.#seq.get(tabId) ?? 0;
  }

  /**
   * A function that answers whether the tab is still on the navigation to `url`. Events reach the
   * background late and out of order under load (Chromium delivered the next URL's onBeforeNavigate before
   * this URL's onErrorOccurred in the e2e burst), so a tab whose latest navigation is to another URL has
   * moved on already. Except to the https:// twin of that URL: the browser upgraded the navigation on its way
   * (HSTS; Chromium 156 reports the error at the https:// URL: forced-https).
   */
  snapshot(tabId: number, url: string): () => boolean {
    const latest = this.#latest.get(tabId);
    const upgraded =
      latest?.startsWith('http://') === true && url === `https://${latest.slice('http://'.length)}`;
    if (latest !== undefined && latest !== url && !upgraded) return () => false;
    const seen = this.current(tabId);
    return () => this.current(tabId) === seen;
  }

  /**
   * The tab now shows a web page (`live`: a document committed) or no page that runs a web page's script (the
   * browser's error page: Chromium reports its commit as onErrorOccurred, not onCommitted). A tab nothing was
   * seen of (a new tab, a restarted worker) counts as showing none.
   */
  shown(tabId: number, live: boolean): void {
    if (live) this.#live.add(tabId);
    else this.#live.delete(tabId);
  }

  /**
   * We are sending the tab to an explanation now; `preEmpted`: before the browser refused the navigation, so
   * the page the tab shows may still run (lib/signals/pre-empt.ts).
   */
  redirected(tabId: number, now: number, preEmpted = false): void {
    const fromPage = preEmpted && this.#live.has(tabId);
    this.#redirects.set(tabId, { seq: this.current(tabId), time: now, fromPage });
    this.#live.delete(tabId);
  }

  /**
   * A top-level navigation of the tab was aborted: was it one that started just after our redirect, which the
   * redirect then cut off? Answers once per redirect: null when not, else whether the page the tab showed may
   * have started it (`fromPage`).
   */
  abortedByUs(tabId: number, now: number): { fromPage: boolean } | null {
    const redirect = this.#redirects.get(tabId);
    if (!redirect || now - redirect.time > REDIRECT_WINDOW_MS || this.current(tabId) <= redirect.seq)
      return null;
    this.#redirects.delete(tabId);
    return { fromPage: redirect.fromPage };
  }

  forget(tabId: number): void {
    this.#seq.delete(tabId);
    this.#latest.delete(tabId);
    this.#redirects.delete(tabId);
    this.#live.delete(tabId);
  }
}

/**
 * What to do with a navigation our redirect cut off: load it again only when no page can have started it (the
 * tab was not opened by a page, and no page was live in it when we redirected); otherwise offer it.
 */
export function giveBack(aborted: { fromPage: boolean }, openedByPage: boolean): 'load' | 'offer' {
  return aborted.fromPage || openedByPage ? 'offer' : 'load';
}
