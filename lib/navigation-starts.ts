/**
 * Remembers which frames started a navigation (webNavigation.onBeforeNavigate) until it commits. Firefox
 * fires no onBeforeNavigate for a port it refuses, so a commit without a start is the refused load.
 * Kept in memory: the two events are milliseconds apart, and the event that starts a sleeping background
 * page is delivered to it.
 */
export class NavigationStarts {
  #started = new Map<string, string>();

  start(tabId: number, frameId: number, url: string): void {
    this.#started.set(`${tabId}:${frameId}`, url);
  }

  /** Was this commit preceded by its start? Forgets the start either way. */
  commit(tabId: number, frameId: number, url: string): boolean {
    const key = `${tabId}:${frameId}`;
    const started = this.#started.get(key) === url;
    this.#started.delete(key);
    return started;
  }
}
