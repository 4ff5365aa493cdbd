import { mount } from 'svelte';
import type { Diagnosis } from '@/lib/view/diagnose';
import type { ExplainParams } from '@/lib/view/explain-link';
import Details from './Details.svelte';

/** The explanation below its first screen (main.ts), loaded once that screen is painted. */
export function mountDetails(
  target: HTMLElement,
  params: ExplainParams | null,
  showTop: (diagnosis: Diagnosis | null) => void,
): void {
  mount(Details, { target, props: { params, showTop } });
}
