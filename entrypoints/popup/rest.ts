import { mount } from 'svelte';
import { pageTarget } from '@/components/prepare-page';
import Answer from './Answer.svelte';
import Rest from './Rest.svelte';
import { PopupState } from './popup-state.svelte.ts';
import TabDiagnosis from './TabDiagnosis.svelte';

/** Everything in the popup but its field (main.ts): loaded once the field is usable. */
export function mountRest(field: HTMLInputElement): void {
  const popup = new PopupState();
  void popup.load();
  mount(TabDiagnosis, { target: pageTarget('tab'), props: { popup } });
  mount(Answer, { target: pageTarget('answer'), props: { popup, field } });
  mount(Rest, { target: pageTarget('rest') });
}
