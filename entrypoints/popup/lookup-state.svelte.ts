import { CURRENT_ENGINE } from '@/lib/core/engine';
import { lookup } from '@/lib/ports/lookup';
import { loadIana, type IanaTable } from '@/lib/ports/iana';

/**
 * The lookup field and its answer. The answer is computed as you type from the small blocked lists; the
 * IANA names (170 KB) arrive later, on their own, and fill in the service line when they do.
 */
export class LookupState {
  input = $state('');
  iana = $state<IanaTable | undefined>();
  /** Reads the user's preferred ports (settings), which lead the suggestions. */
  readonly #preferred: () => readonly number[] = () => [];
  result = $derived(
    this.input.trim() === '' ? null : lookup(this.input, CURRENT_ENGINE, this.iana, this.#preferred()),
  );

  constructor(preferred: () => readonly number[]) {
    this.#preferred = preferred;
  }

  /** Loads the IANA names once the popup has painted, so the field is usable at once. */
  loadNames(): void {
    const load = () => void loadIana().then((table) => (this.iana = table));
    if ('requestIdleCallback' in window) requestIdleCallback(load, { timeout: 300 });
    else setTimeout(load, 0);
  }
}
