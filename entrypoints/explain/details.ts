import { mount } from 'svelte';
import type { Diagnosis } from '@/lib/diagnose';
import type { ExplainParams } from '@/lib/explain-link';
import Details from './Details.svelte';

/** The explanation below its first screen (main.ts), loaded once that screen is painted. */
export function mountDetails(
  target: HTMLElement,
  params: ExplainParams | null,
  showTop: (diagnosis: Diagnosis | null) => void,
): void {
  mount(Details, { target, props: { params, showTop } });
}
