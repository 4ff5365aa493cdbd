import { i18n } from '#i18n';
import type { Diagnosis } from '@/lib/diagnose';

/** The one-line verdict for a diagnosis, shared by the explanation page and the popup. */
export function headline(diagnosis: Diagnosis): string {
  const port = String(diagnosis.port);
  if (diagnosis.kind === 'connection-refused') return i18n.t('explain.refusedHeadline', [port]);
  if (diagnosis.kind === 'tls-to-http') return i18n.t('explain.tlsHeadline');
  if (diagnosis.kind === 'not-http') return i18n.t('explain.notHttpHeadline', [port]);
  return i18n.t('explain.headline', [port]);
}
