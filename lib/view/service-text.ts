import { i18n } from '#i18n';

export type ServiceField = 'name' | 'what' | 'risk';

/**
 * The curated description of a blocked port's service (locales: svc.<key>.name/what/risk). The key comes
 * from data, so it is looked up by string; lib/ports tests that every key exists in every locale.
 */
export function serviceText(key: string, field: ServiceField): string {
  const translate = i18n.t as (key: string) => string;
  return translate(`svc.${key}.${field}`);
}
