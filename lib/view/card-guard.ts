/**
 * When the in-page card may act on a click (clickjacking: a page may lay a decoy over the card so that a real
 * click lands on its buttons). The card already refuses
 * events the browser does not vouch for (`isTrusted`); this refuses trusted ones the user cannot have meant:
 * a click on a card that is covered, faded or filtered by the page, or that only just appeared or moved under
 * the pointer. Pure: the content script gathers the facts (entrypoints/overlay.content/index.ts).
 */

/**
 * How long the card must have stood still, in the same place and uncovered, before a click counts. 500 ms is
 * what the browsers give their own prompts against the same trick: Firefox's `security.notification_enable_delay`
 * (modules/libpref/init/all.js, its permission doorhangers), Chromium's payment sheets
 * (components/payments/.../InputProtector.java, POTENTIALLY_UNINTENDED_INPUT_THRESHOLD) and, through the
 * double-click interval, its dialogs (ui/views/input_event_activation_protector.cc). Longer than a pointer
 * already moving to a target needs to land; short against reading the card before choosing.
 */
export const GUARD_MS = 500;

/** How long the card has looked the same: since when (`performance.now()`), and where it was then. */
export interface Steady {
  since: number | undefined;
  where: string;
}

export const UNSEEN: Steady = { since: undefined, where: '' };

/** The page's computed styles of the card's host and each of its ancestors (a `CSSStyleDeclaration` is one). */
export interface Drawn {
  opacity: string;
  filter: string;
  transform: string;
  scale: string;
  rotate: string;
  mixBlendMode: string;
  maskImage: string;
}

/** `none`, or a pure translation: IntersectionObserver v2 counts those as visible too. */
const MOVED_ONLY = /^(none|matrix\(1, 0, 0, 1, [^,]+, [^,]+\))$/;

/**
 * Whether the page draws the card as the card draws itself. The host keeps the page's styles off (WXT's
 * `:host { all: initial !important }`), but the page owns its ancestors, and can move the host into any of
 * them: so it can make the card nearly transparent over bait, or blur, blend, mask, shrink or turn it;
 * the criteria are IntersectionObserver v2's for "visible" (github.com/w3c/IntersectionObserver, explainer.md),
 * which Firefox lacks, so they are checked here in both browsers.
 */
export function drawnAsIs(chain: readonly Drawn[]): boolean {
  return chain.every(
    (style) =>
      style.opacity === '1' &&
      style.filter === 'none' &&
      MOVED_ONLY.test(style.transform) &&
      style.scale === 'none' &&
      style.rotate === 'none' &&
      style.mixBlendMode === 'normal' &&
      style.maskImage === 'none',
  );
}

/**
 * Folds one look at the card into how long it has been steady. `shown`: the tab is visible, the page draws
 * the card as is, and nothing covers it where the browser can tell (Chromium's IntersectionObserver v2
 * `isVisible`; Firefox cannot, so there it is left out). `where`: its box, so a card moved or resized under the
 * pointer (by new lines, a scroll, or the page's layout) starts its wait again.
 */
export function look(previous: Steady, shown: boolean, where: string, now: number): Steady {
  if (!shown) return UNSEEN;
  if (previous.since === undefined || where !== previous.where) return { since: now, where };
  return previous;
}

/** A click at `now` counts only once the card has been steady for GUARD_MS. */
export function accepts(steady: Steady, now: number): boolean {
  return steady.since !== undefined && now - steady.since >= GUARD_MS;
}
