import type { TerminalChoice } from '@/components/terminal-choice.svelte';
import type { Diagnosis } from '@/lib/view/diagnose';
import type { KindExplainer } from '@/lib/kinds/types';
import type { Settings } from '@/lib/state/settings';

/** What every section of the explanation receives; each decides by itself whether it has anything to show. */
export interface SectionProps {
  diagnosis: Diagnosis;
  /** The kind's explanation (lib/kinds/<id>/explain.ts), loaded for this page. */
  explainer: KindExplainer;
  /** One choice of terminal for every block of commands on the page. */
  terminal: TerminalChoice;
  settings: Settings;
}
