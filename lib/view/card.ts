/**
 * What the in-page card may show. The card lives inside somebody's page, so it shows only what that page
 * could know already (a cross-origin frame's URL may carry a secret, such as an OAuth code): the URLs of
 * requests the page itself made (its own origin was their initiator), without query or fragment; for
 * anything else, such as a cross-origin frame that
 * redirected to a blocked port, only where it pointed (scheme, host and port). The full failure never
 * leaves the background. Pure.
 */
import { originOf, withoutQuery } from '../core/bounded.ts';
import type { TabFailure } from '../state/tab-state.ts';
import { kindById } from '../kinds/registry.ts';

/** One line of the card, as sent to the content script. */
export interface CardEntry {
  /** What the card prints, and what its "Why?" sends back. */
  label: string;
  port: number;
  count: number;
}

/** Did the page at `pageOrigin` make this request itself (or a same-origin frame of it)? */
export function isOwnRequest(failure: TabFailure, pageOrigin: string): boolean {
  return (
    failure.resource !== 'sub_frame' && failure.initiator !== undefined && failure.initiator === pageOrigin
  );
}

export function cardLabel(failure: TabFailure, pageOrigin: string): string {
  return isOwnRequest(failure, pageOrigin) ? withoutQuery(failure.url) : originOf(failure.url);
}

/** The card's lines, oldest first, merged when two failures look the same to the page. */
export function cardEntries(failures: readonly TabFailure[], pageOrigin: string): CardEntry[] {
  const entries = new Map<string, CardEntry>();
  for (const failure of failures) {
    if (kindById(failure.kind).card !== true || failure.resource === 'main_frame') continue;
    const label = cardLabel(failure, pageOrigin);
    const same = entries.get(label);
    entries.delete(label);
    entries.set(label, { label, port: failure.port, count: (same?.count ?? 0) + failure.count });
  }
  return [...entries.values()];
}

/** The failure behind a card line the page sent back, or undefined when it names none of this tab's. */
export function failureOfLabel(
  failures: readonly TabFailure[],
  pageOrigin: string,
  label: string,
): TabFailure | undefined {
  return failures.findLast(
    (failure) =>
      kindById(failure.kind).card === true &&
      failure.resource !== 'main_frame' &&
      cardLabel(failure, pageOrigin) === label,
  );
}
