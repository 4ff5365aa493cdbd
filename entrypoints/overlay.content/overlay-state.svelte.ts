import type { TabFailure } from '@/lib/tab-state';

/** What the card shows: the blocked requests of this page, and whether the user put the card away. */
export class OverlayState {
  failures = $state<TabFailure[]>([]);
  /** The user's preferred ports (settings), asked for once. */
  preferred = $state<number[] | undefined>();
  /** The number of blocked requests when the card was dismissed: it comes back only for new ones. */
  #dismissedAt = $state(-1);
  #muted = $state(false);

  total = $derived(this.failures.reduce((sum, failure) => sum + failure.count, 0));
  visible = $derived(!this.#muted && this.total > 0 && this.total > this.#dismissedAt);

  set(failures: TabFailure[] | undefined): void {
    // The card is about this page's own requests; a failed navigation has its own explanation page.
    this.failures = (failures ?? []).filter(
      (failure) => failure.kind === 'blocked-port' && failure.resource !== 'main_frame',
    );
  }

  dismiss(): void {
    this.#dismissedAt = this.total;
  }

  mute(): void {
    this.#muted = true;
  }
}
