import type { CardEntry } from '@/lib/view/card';

/** What the card shows: what its page may know of its blocked requests, and whether the user put it away. */
export class OverlayState {
  entries = $state<CardEntry[]>([]);
  /** The user's preferred ports (settings), asked for once. */
  preferred = $state<number[] | undefined>();
  /** The number of blocked requests when the card was dismissed: it comes back only for new ones. */
  #dismissedAt = $state(-1);
  #muted = $state(false);
  /** Whether a click would count now (lib/view/card-guard.ts); shown on the card for whoever reads its root. */
  armed = $state(false);

  total = $derived(this.entries.reduce((sum, entry) => sum + entry.count, 0));
  visible = $derived(!this.#muted && this.total > 0 && this.total > this.#dismissedAt);

  set(entries: CardEntry[] | undefined): void {
    this.entries = entries ?? [];
  }

  dismiss(): void {
    this.#dismissedAt = this.total;
  }

  mute(): void {
    this.#muted = true;
  }
}
