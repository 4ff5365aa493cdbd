import { i18n } from '#i18n';
import type { Text } from '@/lib/kinds/types';

type Translate = (key: string, substitutions?: readonly string[]) => string;

/**
 * A kind's Text in the user's language. The one place that translates a key chosen at run time: the kinds name
 * keys of the generated structure (so a typo fails the type check), and test/unit/kinds.meta.test.ts checks
 * that their argument counts match the messages.
 */
export function t(text: Text): string {
  const args = text.args?.map((arg) => (typeof arg === 'string' ? arg : t(arg)));
  return (i18n.t as unknown as Translate)(text.key, args);
}
