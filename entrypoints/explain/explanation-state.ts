import { CURRENT_ENGINE } from '@/lib/core/engine';
import { loadedExplainer, loadExplainer } from '@/lib/kinds/explainers';
import type { Refined } from '@/lib/kinds/refine';
import type { DevServerId } from '@/lib/commands/dev-server-ids';
import type { Settings } from '@/lib/state/settings';
import { diagnose, type Diagnosis } from '@/lib/view/diagnose';
import type { ExplainParams } from '@/lib/view/explain-link';
import { explanationView, type ExplanationView } from '@/lib/view/explanation';

/** What the page learns after its first screen, each told to the state as it comes. */
export interface Learned {
  /** The user's settings, once read (mount-details.ts): the sections wait for them. */
  settings?: Settings;
  /** Names this browser session found at a local address (lib/signals/resolved-local.ts): local too. */
  resolved?: readonly string[];
  /** What the page's probe found for the diagnosis it was run on (mount-details.ts). */
  refined?: Refined | null;
  /** The dev server the move commands start on, when a remembered app names it (lib/servers/project-tool.ts). */
  projectDevServer?: DevServerId | null;
  /** The port the move section recommends, or the user picked there: "Use port N" follows it. */
  chosenPort?: number;
}

type Listener = (view: ExplanationView) => void;

/**
 * The explanation page's one state: what failed (from the page's own address, so a reload shows the same
 * explanation) and what the page learns after (Learned); the diagnosis made of them, and the view
 * (lib/view/explanation.ts) that both painters render: the first screen (main.ts) and the sections
 * (Details.svelte).
 *
 * Plain TypeScript, no Svelte: the first screen paints from it before Svelte (and the settings) load (issue #14).
 * The page diagnoses once per change of what a diagnosis depends on (the preferred ports, the local hosts).
 */
export class ExplanationState {
  /** The diagnosis of the page's address with what is known so far, before any refinement. */
  diagnosis: Diagnosis | null = null;
  view!: ExplanationView;
  learned: Learned = {};
  #diagnosedWith?: string;
  #loading?: string;
  readonly #listeners = new Set<Listener>();

  constructor(readonly params: ExplainParams | null) {
    this.learn({});
  }

  /** Calls `listener` with the view now and after every change; returns the call that stops it. */
  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    listener(this.view);
    return () => this.#listeners.delete(listener);
  }

  learn(change: Learned): void {
    const { params } = this;
    const learned = (this.learned = { ...this.learned, ...change });
    const { settings, resolved = [] } = learned;
    const preferred = settings?.preferredPorts ?? [];
    const localHosts = [...(settings?.localHosts ?? []), ...resolved];
    const inputs = JSON.stringify([preferred, localHosts]);
    if (inputs !== this.#diagnosedWith) {
      this.#diagnosedWith = inputs;
      this.diagnosis = params && diagnose(params.url, params.code, CURRENT_ENGINE, { preferred, localHosts });
      // A refinement is of the diagnosis it was probed for.
      learned.refined = null;
    }
    // The kind's explainer (summary, fix, sections) is a small chunk of its own: used at once when loaded, else
    // right after.
    const kind = learned.refined?.kind ?? this.diagnosis?.kind;
    const explainer = kind && loadedExplainer(kind);
    if (kind && !explainer && this.#loading !== kind) {
      this.#loading = kind;
      void loadExplainer(kind).then(() => this.learn({}));
    }
    this.view = explanationView({ ...learned, diagnosis: this.diagnosis, explainer });
    for (const listener of this.#listeners) listener(this.view);
  }
}
