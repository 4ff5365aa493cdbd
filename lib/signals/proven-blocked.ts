/**
 * Chromium: the ports this browser has refused with net::ERR_UNSAFE_PORT since it started. Chromium's port
 * list changes only with its command line (--explicitly-allowed-ports) or a policy, so a port refused once
 * is refused for the whole session, and the next navigation to it can be sent to the explanation as soon as
 * it starts (webNavigation.onBeforeNavigate), before Chromium's own error page (issue #14: that lands at
 * about 0.67 of the error page's time, against 1.08 when waiting for the error). A port re-allowed on the
 * command line is never refused, so it is never on this list: a working server is not hijacked. Kept in
 * storage.session, which a browser restart (the only way to change the command line) clears.
 */
import { storage } from 'wxt/utils/storage';
import { isBlocked } from '../ports/blocked.ts';
import { Stored } from '../state/stored.ts';

export const provenItem = storage.defineItem<unknown>('session:provenBlockedPorts', { fallback: [] });

/** Only ports on Chromium's own list are believed: a corrupt store cannot make a healthy port "blocked". */
function readProven(stored: unknown): Set<number> {
  const ports = new Set<number>();
  if (Array.isArray(stored))
    for (const port of stored) if (Number.isInteger(port) && isBlocked(port, 'chromium')) ports.add(port);
  return ports;
}

export class ProvenBlocked {
  #ports = new Stored<Set<number>>(provenItem, new Set(), {
    name: 'refused ports',
    read: readProven,
    save: (ports) => [...ports],
  });

  isWarm(): boolean {
    return this.#ports.ready();
  }

  /**
   * Reads the stored ports (once), so that a later navigation can be decided without waiting; resolves when
   * they are read, or could not be.
   */
  whenWarm(): Promise<void> {
    return this.#ports.load();
  }

  /** Known refused this session; false while the stored list is not read yet (then the error decides). */
  has(port: number): boolean {
    return this.#ports.peek()?.has(port) === true;
  }

  /** Chromium refused `port`: remember it for the session. */
  add(port: number): void {
    if (!isBlocked(port, 'chromium')) return;
    void this.#ports.update((ports) => (ports.has(port) ? false : ports.add(port)));
  }
}
