/**
 * What the explanation page shows for a diagnosis: its first screen (painted before anything else loads) and the
 * sections below it, each listed only when it has something to show. Decided here, once, for every section: the
 * sections' components only render what they are given.
 */
import { i18n } from '#i18n';
import { hasDeeperChecks } from '../core/engine.ts';
import type { Refined } from '../kinds/refine.ts';
import type { ExplainInput, KindExplainer, SectionId, Text } from '../kinds/types.ts';
import type { Settings } from '../state/settings/schema.ts';
import type { Diagnosis } from './diagnose.ts';
import { headline } from './headline.ts';
import { serviceText } from './service-text.ts';
import { t } from './text.ts';

/** A button of the first screen: it loads an address in this tab, or takes the user to a section below. */
export type TopAction = { label: string; primary: boolean; testId: string } & (
  { url: string } | { jump: string }
);

/** The tab's title before (and without) a kind's own: the product's name is the same in every language. */
export const PRODUCT_TITLE = 'Port Doctor';

/** The id of the section a "Use port N" button takes the user to (sections/move.svelte). */
export const MOVE_SECTION = 'move';

/** What the explanation's first screen says: painted before anything else of the page loads. */
export interface TopView {
  /** The tab's title: the kind's short title, port first, once its explainer is loaded. */
  title: string;
  headline: string;
  summary: string;
  /** The failed address and the browser's error, when there is a failure to explain. */
  failure?: { url: string; code: string; urlLabel: string; codeLabel: string };
  actions: TopAction[];
}

export interface ExplanationInput {
  /** What the page's address says failed, or null when it names nothing Port Doctor can explain. */
  diagnosis: Diagnosis | null;
  /** The kind's explainer (a small chunk of its own): without it, the headline and the failed address only. */
  explainer?: KindExplainer;
  /** The user's settings; until they are read, the first screen only (the sections depend on them). */
  settings?: Pick<Settings, 'showOverrides'>;
  /** The port the move section recommends, once it has checked them: "Use port N" names it. */
  chosenPort?: number;
  /** What a probe from this page found: another kind, and the host that answered. */
  refined?: Refined | null;
}

export interface ExplanationView {
  /** The diagnosis shown: refined by the page's probe, when it found something. */
  diagnosis: Diagnosis | null;
  top: TopView;
  /** The sections that show, in the kind's order. */
  sections: SectionId[];
  /** The checklist section's items (likely causes), in the user's language. */
  checklist: string[];
}

/** What a kind's explainer needs from the diagnosis, with the names in the user's language. */
export function explainInput(diagnosis: Diagnosis): ExplainInput {
  const { host, port, facts, url, scheme, engine, answeredBy, code } = diagnosis;
  return {
    answeredBy,
    code,
    url,
    engine,
    host,
    port,
    scheme,
    serviceName: facts.serviceKey ? serviceText(facts.serviceKey, 'name') : undefined,
    conventionName: facts.service?.name,
  };
}

interface SectionContext {
  diagnosis: Diagnosis;
  settings: Pick<Settings, 'showOverrides'>;
  checklist: readonly Text[];
}

/** When each section a kind lists has something to show. */
const SHOWS: Record<SectionId, (context: SectionContext) => boolean> = {
  // The registered service on the port, and why browsers refuse it.
  service: ({ diagnosis }) => diagnosis.facts.serviceKey !== undefined,
  engines: ({ diagnosis }) => diagnosis.blockedBy.length > 0,
  // A port to move the server to: a blocked port, or one something else usually takes.
  move: ({ diagnosis }) => diagnosis.facts.alternatives.length > 0,
  override: ({ settings }) => settings.showOverrides,
  'deeper-checks': ({ diagnosis }) => hasDeeperChecks(diagnosis.engine),
  // A server on a nearby port: looked for only on a local host (lib/view/probe.ts, probeMode: never elsewhere).
  nearby: ({ diagnosis }) => diagnosis.local,
  listeners: () => true,
  checklist: ({ checklist }) => checklist.length > 0,
};

/**
 * The explanation for a diagnosis. Without its kind's explainer yet (a small chunk, loaded right after), the
 * headline and the failed address; with it, the summary, the fix (or "Use port N") and Retry where it can help,
 * and once the settings are read, the sections that have something to show.
 */
export function explanationView({
  diagnosis: diagnosed,
  explainer,
  settings,
  chosenPort,
  refined,
}: ExplanationInput): ExplanationView {
  const diagnosis = diagnosed && refined ? { ...diagnosed, ...refined } : diagnosed;
  if (!diagnosis)
    return {
      diagnosis,
      top: {
        title: PRODUCT_TITLE,
        headline: i18n.t('explain.nothingTitle'),
        summary: i18n.t('explain.nothingBody'),
        actions: [],
      },
      sections: [],
      checklist: [],
    };
  const input = explainInput(diagnosis);
  const checklist = explainer?.checklist?.(input) ?? [];
  const actions: TopAction[] = [];
  // A kind whose fix is another port: the primary action names it (issue #17: "Use port 6001"), and takes the user
  // to the command that moves the server, which the section below keeps for the port it recommends.
  const alternatives = diagnosis.facts.alternatives.map((alternative) => alternative.port);
  const port = chosenPort !== undefined && alternatives.includes(chosenPort) ? chosenPort : alternatives[0];
  if (explainer?.sections.includes('move') && port !== undefined)
    actions.push({
      label: i18n.t('explain.usePort', [String(port)]),
      jump: MOVE_SECTION,
      primary: true,
      testId: 'use-port',
    });
  const fix = explainer?.fix?.(input);
  // No kind has both: a fix is another address, "Use port" another port.
  if (fix) actions.push({ label: t(fix.label), url: fix.url, primary: true, testId: fix.testId });
  // Retry only where it can help (the kind says so: a server started or set up again answers the same address),
  // and only for an http(s) address (the background refuses anything else).
  if (explainer?.retry === true && /^https?:/.test(diagnosis.scheme))
    actions.push({ label: i18n.t('explain.retry'), url: diagnosis.url, primary: false, testId: 'retry' });
  return {
    diagnosis,
    top: {
      title: explainer ? `${t(explainer.title(input))} — ${PRODUCT_TITLE}` : PRODUCT_TITLE,
      headline: headline(diagnosis),
      summary: explainer ? t(explainer.summary(input)) : '',
      failure: {
        url: diagnosis.url,
        code: diagnosis.code,
        urlLabel: i18n.t('explain.failedUrl'),
        codeLabel: i18n.t('explain.errorCode'),
      },
      actions,
    },
    sections:
      explainer && settings
        ? explainer.sections.filter((id) => SHOWS[id]({ diagnosis, settings, checklist }))
        : [],
    checklist: checklist.map((item) => t(item)),
  };
}
