import { i18n } from '#i18n';
import type { FailureKind } from '@/lib/failure';

/** The one-line verdict for a failure, shared by the explanation page, the popup and the notification. */
export function headline({ kind, port }: { kind: FailureKind; port: number }): string {
  const text = String(port);
  if (kind === 'connection-refused') return i18n.t('explain.refusedHeadline', [text]);
  if (kind === 'tls-to-http') return i18n.t('explain.tlsHeadline');
  if (kind === 'not-http') return i18n.t('explain.notHttpHeadline', [text]);
  return i18n.t('explain.headline', [text]);
}
