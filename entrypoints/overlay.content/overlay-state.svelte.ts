import type { Failure } from '@/lib/failure';

/** What the card shows: the blocked requests of this tab, newest last. */
export class OverlayState {
  failures = $state<Failure[]>([]);

  set(failures: Failure[] | undefined): void {
    this.failures = failures ?? [];
  }
}
