/**
 * Counts the top-level navigations of each tab, so that a late reaction to a failure can tell whether the
 * user has moved on. Typing a URL right after another failed must win over our redirect to the explanation
 * of the first (hardening-review.md L4). In memory: a restarted background starts at zero for every tab,
 * which reads as "not moved on", the old behaviour.
 *
 * Checking before the redirect is not enough: the event of the user's next navigation may still be on its
 * way to the background when the redirect is sent, and the redirect then aborts that navigation (Chromium
 * reports it as net::ERR_ABORTED; seen in the e2e burst test). So each redirect is remembered for a moment,
 * and a navigation that started after it and was aborted is given back to the user (`abortedByUs`).
 */

/** How long after our redirect an aborted navigation is taken to be one we aborted. */
export const REDIRECT_WINDOW_MS = 3000;

export class NavigationSeq {
  #seq = new Map<number, number>();
  #latest = new Map<number, string>();
  #redirects = new Map<number, { seq: number; time: number }>();

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

  /** We are sending the tab to an explanation now. */
  redirected(tabId: number, now: number): void {
    this.#redirects.set(tabId, { seq: this.current(tabId), time: now });
  }

  /**
   * A top-level navigation of the tab was aborted: was it one the user started just after our redirect,
   * which the redirect then cut off? Answers once per redirect.
   */
  abortedByUs(tabId: number, now: number): boolean {
    const redirect = this.#redirects.get(tabId);
    if (!redirect || now - redirect.time > REDIRECT_WINDOW_MS || this.current(tabId) <= redirect.seq)
      return false;
    this.#redirects.delete(tabId);
    return true;
  }

  forget(tabId: number): void {
    this.#seq.delete(tabId);
    this.#latest.delete(tabId);
    this.#redirects.delete(tabId);
  }
}
