import { i18n } from '#i18n';
import { headline } from '@/lib/view/headline';
import { serviceText } from '@/lib/view/service-text';
import { t } from '@/lib/view/text';
import type { ExplainInput, KindExplainer } from '@/lib/kinds/types';
import type { Diagnosis } from '@/lib/view/diagnose';

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

/**
 * The first screen for a diagnosis. Without its kind's explainer yet (a small chunk, loaded right after), the
 * headline and the failed address; with it, the summary, the fix (or "Use port N") and Retry where it can help.
 */
export function topView(
  diagnosis: Diagnosis | null,
  explainer?: KindExplainer,
  chosenPort?: number,
): TopView {
  if (!diagnosis)
    return {
      title: PRODUCT_TITLE,
      headline: i18n.t('explain.nothingTitle'),
      summary: i18n.t('explain.nothingBody'),
      actions: [],
    };
  const input = explainInput(diagnosis);
  const actions: TopAction[] = [];
  // A kind whose fix is another port: the primary action names it (issue #17: "Use port 6001"), and takes the user
  // to the command that moves the server, which the section below keeps for the port it recommends.
  const port = chosenPort ?? diagnosis.facts.alternatives[0]?.port;
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
  };
}
