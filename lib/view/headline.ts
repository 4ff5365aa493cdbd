import { kindById } from '@/lib/kinds/registry';
import type { FailureKind } from '@/lib/kinds/failure';
import { t } from './text';

/** The one-line verdict for a failure, shared by the explanation page, the popup and the notification. */
export function headline({ kind, port }: { kind: FailureKind; port: number }): string {
  return t(kindById(kind).headline({ port }));
}
