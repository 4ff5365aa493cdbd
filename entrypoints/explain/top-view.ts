import { i18n } from '#i18n';
import { headline } from '@/components/headline';
import { serviceText } from '@/components/service-text';
import { t } from '@/components/text';
import type { ExplainInput, KindExplainer } from '@/lib/kinds/types';
import type { Diagnosis } from '@/lib/diagnose';

export interface TopAction {
  label: string;
  url: string;
  primary: boolean;
  testId: string;
}

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
 * headline and Retry; with it, the summary and the fix too.
 */
export function topView(diagnosis: Diagnosis | null, explainer?: KindExplainer): TopView {
  if (!diagnosis)
    return {
      title: i18n.t('extName'),
      headline: i18n.t('explain.nothingTitle'),
      summary: i18n.t('explain.nothingBody'),
      actions: [],
    };
  const input = explainInput(diagnosis);
  const actions: TopAction[] = [];
  const fix = explainer?.fix?.(input);
  if (fix) actions.push({ label: t(fix.label), url: fix.url, primary: true, testId: fix.testId });
  // Retry only where it can help (the kind says so: a server started or set up again answers the same address),
  // and only for an http(s) address (the background refuses anything else).
  if (explainer?.retry === true && /^https?:/.test(diagnosis.scheme))
    actions.push({ label: i18n.t('explain.retry'), url: diagnosis.url, primary: false, testId: 'retry' });
  return {
    title: explainer ? i18n.t('explain.pageTitle', [t(explainer.title(input))]) : i18n.t('extName'),
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
