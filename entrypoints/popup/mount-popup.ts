import { mount } from 'svelte';
import { pageTarget } from '@/components/prepare-page';
import Answer from './Answer.svelte';
import HistoryAndChecks from './HistoryAndChecks.svelte';
import { PopupState } from './popup-state.svelte.ts';
import RunningHere from './RunningHere.svelte';
import TabDiagnosis from './TabDiagnosis.svelte';

/** Everything in the popup but its field (main.ts): loaded once the field is usable. */
export function mountPopup(field: HTMLInputElement): void {
  const popup = new PopupState();
  void popup.load();
  mount(TabDiagnosis, { target: pageTarget('tab'), props: { popup } });
  mount(RunningHere, { target: pageTarget('running'), props: { tabUrl: popup.tabUrl } });
  mount(Answer, { target: pageTarget('answer'), props: { popup, field } });
  mount(HistoryAndChecks, { target: pageTarget('history-and-checks') });
}
