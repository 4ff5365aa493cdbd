/**
 * The browsers' error strings for the local failures Port Doctor explains (../shared/reference/ports.md §6,
 * the Firefox values tested in Firefox 153). Chrome says "net::ERR_…"; Firefox's webNavigation says
 * "Error code <unsigned nsresult>" and its webRequest says the nsresult name.
 */
import type { FailureKind } from './failure.ts';

type LocalKind = Exclude<FailureKind, 'blocked-port'>;

const CODES: Record<string, LocalKind | 'empty-or-invalid'> = {
  'net::ERR_CONNECTION_REFUSED': 'connection-refused',
  'Error code 2152398861': 'connection-refused', // NS_ERROR_CONNECTION_REFUSED
  NS_ERROR_CONNECTION_REFUSED: 'connection-refused',
  'net::ERR_SSL_PROTOCOL_ERROR': 'tls-to-http',
  'Error code 2153394151': 'tls-to-http', // SSL_ERROR_RX_RECORD_TOO_LONG: a plain-HTTP reply to a TLS hello
  'net::ERR_INVALID_HTTP_RESPONSE': 'empty-or-invalid',
  'net::ERR_EMPTY_RESPONSE': 'empty-or-invalid',
  'Error code 2152398868': 'empty-or-invalid', // NS_ERROR_NET_RESET
  NS_ERROR_NET_RESET: 'empty-or-invalid',
};

/** What an error string means, before the URL is considered; null for errors Port Doctor does not explain. */
export function classifyError(code: string): LocalKind | 'empty-or-invalid' | null {
  return CODES[code] ?? null;
}
