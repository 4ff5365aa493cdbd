/**
 * Reads what people type or paste into the lookup field: a port, host:port, [v6]:port or a URL. Never throws:
 * anything else is a typed error that the views translate (locales: parse.*).
 */
import { effectivePort, safeUrl } from '../core/url.ts';
import { MAX_PORT } from './ranges.ts';

export interface Target {
  port: number;
  /** Host as written in a URL (IPv6 in brackets), when the input named one. */
  host?: string;
  /** 'http:', 'https:', 'ws:' or 'wss:' when the input was a URL. */
  scheme?: string;
  /** False when the port is the scheme's default (https://example.com -> 443). */
  explicitPort: boolean;
}

export type ParseError =
  'empty' | 'too-long' | 'not-a-number' | 'out-of-range' | 'unsupported-scheme' | 'no-port' | 'invalid';

export type ParseResult = { ok: true; target: Target } | { ok: false; error: ParseError };

/** Longer than any URL worth looking up; 10 KB of pasted text is refused without being parsed. */
export const MAX_INPUT = 2048;

const WEB_SCHEMES = new Set(['http:', 'https:', 'ws:', 'wss:']);
/** Schemes written without "//" that people paste: "javascript:alert(1)" is not host "javascript". */
const NON_WEB_SCHEMES = new Set([
  'javascript',
  'data',
  'mailto',
  'tel',
  'blob',
  'about',
  'view-source',
  'file',
  'chrome',
  'urn',
]);
const fail = (error: ParseError): ParseResult => ({ ok: false, error });
const ok = (target: Target): ParseResult => ({ ok: true, target });

function portFromDigits(digits: string): ParseResult {
  // Leading zeros are fine ("06000"); a number this long is out of range whatever its value.
  const port = digits.length > 6 ? Infinity : Number(digits);
  return port <= MAX_PORT ? ok({ port, explicitPort: true }) : fail('out-of-range');
}

export function parsePortInput(raw: string): ParseResult {
  if (raw.length > MAX_INPUT * 4) return fail('too-long');
  // NFKC turns full-width digits and colons (６０００, ：) into ASCII.
  const text = raw.normalize('NFKC').trim();
  if (text === '') return fail('empty');
  if (text.length > MAX_INPUT) return fail('too-long');
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused here
  if (/[\u0000-\u001f\u007f\s]/.test(text)) return fail('invalid');

  let match = /^:?(\d+)$/.exec(text);
  if (match?.[1]) return portFromDigits(match[1]);
  if (/^[-+]\d+$/.test(text)) return fail('out-of-range');
  if (!text.includes(':') && /^\d/.test(text)) {
    // An IPv4 address without a port, or a number with junk: 6000abc, 1e3, 0x10, 6000.5.
    return fail(/^\d+(\.\d+){3}$/.test(text) ? 'no-port' : 'not-a-number');
  }

  // scheme://... (a URL)
  const scheme = /^([a-z][a-z\d+.-]*):\/\//i.exec(text);
  if (scheme) {
    const url = safeUrl(text);
    if (!WEB_SCHEMES.has(`${(scheme[1] ?? '').toLowerCase()}:`)) return fail('unsupported-scheme');
    const port = url && url.hostname !== '' ? effectivePort(url) : null;
    if (!url || port === null) return explainBadAuthority(text.slice(scheme[0].length));
    return ok({ port, host: url.hostname, scheme: url.protocol, explicitPort: url.port !== '' });
  }

  // host:port, [v6]:port, optionally followed by a path.
  match = /^(\[[^\]]*\]|[^/:?#[\]@]+):([^/?#]*)(?:[/?#].*)?$/.exec(text);
  if (match) {
    const [, host = '', portText = ''] = match;
    if (portText === '') return fail('no-port');
    if (!/^\d+$/.test(portText))
      return fail(NON_WEB_SCHEMES.has(host.toLowerCase()) ? 'unsupported-scheme' : 'not-a-number');
    const port = portFromDigits(portText);
    if (!port.ok) return port;
    const url = safeUrl(`http://${host}:1/`);
    if (!url) return fail('invalid');
    return ok({ port: port.target.port, host: url.hostname, explicitPort: true });
  }

  // Something with a colon that is not host:port, such as javascript:alert(1) or mailto:x.
  if (/^[a-z][a-z\d+.-]*:/i.test(text)) return fail('unsupported-scheme');
  // A bare host name or address: no port to look up.
  return safeUrl(`http://${text}/`) ? fail('no-port') : fail('invalid');
}

/** A URL that did not parse: tell "bad port" apart from other damage. */
function explainBadAuthority(rest: string): ParseResult {
  const port = /^[^/?#]*:([^/?#]*)/.exec(rest)?.[1];
  if (port !== undefined && /^\d+$/.test(port)) return fail('out-of-range');
  if (port !== undefined && port !== '') return fail('not-a-number');
  return fail('invalid');
}
