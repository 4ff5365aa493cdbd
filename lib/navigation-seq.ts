/**
 * Counts the top-level navigations of each tab, so that a late reaction to a failure can tell whether the
 * user has moved on. Typing a URL right after another failed must win over our redirect to the explanation
 * of the first (hardening-review.md L4). In memory: a restarted background starts at zero for every tab,
 * which reads as "not moved on", the old behaviour.
 */
export class NavigationSeq {
  #seq = new Map<number, number>();

  /** A new top-level navigation started (or, in Firefox, an error page committed) in the tab. */
  bump(tabId: number): void {
    this.#seq.set(tabId, (this.#seq.get(tabId) ?? 0) + 1);
  }

  current(tabId: number): number {
    return this.#seq.get(tabId) ?? 0;
  }

  /** A function that answers whether the tab is still on the navigation counted now. */
  snapshot(tabId: number): () => boolean {
    const seen = this.current(tabId);
    return () => this.current(tabId) === seen;
  }

  forget(tabId: number): void {
    this.#seq.delete(tabId);
  }
}
