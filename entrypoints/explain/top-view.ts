import { i18n } from '#i18n';
import { headline } from '@/components/headline';
import { serviceText } from '@/components/service-text';
import type { Diagnosis } from '@/lib/diagnose';

export interface TopAction {
  label: string;
  url: string;
  primary: boolean;
  testId: string;
}

/** What the explanation's first screen says: painted before anything else of the page loads. */
export interface TopView {
  headline: string;
  summary: string;
  /** The failed address and the browser's error, when there is a failure to explain. */
  failure?: { url: string; code: string; urlLabel: string; codeLabel: string };
  actions: TopAction[];
}

function summary(diagnosis: Diagnosis): string {
  const { host, port, facts } = diagnosis;
  if (diagnosis.kind === 'connection-refused')
    return i18n.t('explain.refusedSummary', [`${host}:${port}`, String(port)]);
  if (diagnosis.kind === 'tls-to-http') return i18n.t('explain.tlsSummary', [String(port)]);
  if (diagnosis.kind === 'not-http')
    return i18n.t('explain.notHttpSummary', [String(port), facts.service?.name ?? '?']);
  if (!facts.serviceKey) return i18n.t('explain.unlisted', [String(port)]);
  return i18n.t('explain.summary', [host, String(port), serviceText(facts.serviceKey, 'name')]);
}

export function topView(diagnosis: Diagnosis | null): TopView {
  if (!diagnosis)
    return { headline: i18n.t('explain.nothingTitle'), summary: i18n.t('explain.nothingBody'), actions: [] };
  const actions: TopAction[] = [];
  if (diagnosis.httpUrl)
    actions.push({
      label: i18n.t('explain.useHttp'),
      url: diagnosis.httpUrl,
      primary: true,
      testId: 'use-http',
    });
  // Only an http(s) address can be loaded again from here (the background refuses anything else).
  if (/^https?:/.test(diagnosis.scheme))
    actions.push({ label: i18n.t('explain.retry'), url: diagnosis.url, primary: false, testId: 'retry' });
  return {
    headline: headline(diagnosis),
    summary: summary(diagnosis),
    failure: {
      url: diagnosis.url,
      code: diagnosis.code,
      urlLabel: i18n.t('explain.failedUrl'),
      codeLabel: i18n.t('explain.errorCode'),
    },
    actions,
  };
}
