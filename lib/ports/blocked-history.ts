/**
 * What each blocked port is and since when each engine refuses it: the pages' half of ./blocked.ts, which
 * holds the lists alone for the background. Every port of BAD_PORTS has its row here, and no other (a unit
 * test checks the two).
 */
import { isBlocked, type Engine } from './blocked.ts';

/**
 * When a port joined an engine's list: browser major versions, ISO dates for the standard. Every value has its
 * primary source in ./sources.ts (kept apart so that the background and the card do not ship the citations;
 * a unit test matches the two). Where no primary source was found the field is absent, and absent means
 * unknown, never "from the start": a guessed "always" would claim that old browsers block what they do not.
 */
export interface Added {
  chromium?: number;
  firefox?: number;
  fetch?: string;
}

export interface BlockedPort {
  port: number;
  /** Short service name (IANA where it has one). */
  service: string;
  added?: Added;
}

/** NAT Slipstreaming 2.0: Chrome 88 (not 87: the M88 branch), Firefox 85 (bug 1677940). */
const NAT_SLIPSTREAM_2: Added = { chromium: 88, firefox: 85, fetch: '2021-03-10' };
/** Firefox's version for 5060/5061 is not confirmed ("This will likely go into Firefox 84", whatwg/fetch#1108). */
const SIP: Added = { chromium: 87, fetch: '2020-11-05' };
const ALPACA: Added = { fetch: '2021-06-14' };
const FETCH_2018: Added = { fetch: '2018-05-31' };
const FETCH_2024: Added = { fetch: '2024-03-26' };

// prettier-ignore
export const BLOCKED_PORTS: readonly BlockedPort[] = [
  // Not blocked by Node's fetch (NOT_IN in ./blocked.ts).
  { port: 0, service: 'reserved', added: { fetch: '2025-08-11' } },
  { port: 1, service: 'tcpmux' }, { port: 7, service: 'echo' }, { port: 9, service: 'discard' },
  { port: 11, service: 'systat' }, { port: 13, service: 'daytime' }, { port: 15, service: 'netstat' },
  { port: 17, service: 'qotd' }, { port: 19, service: 'chargen' }, { port: 20, service: 'ftp-data' },
  { port: 21, service: 'ftp' }, { port: 22, service: 'ssh' }, { port: 23, service: 'telnet' },
  { port: 25, service: 'smtp' }, { port: 37, service: 'time' }, { port: 42, service: 'name' },
  { port: 43, service: 'nicname' }, { port: 53, service: 'domain' },
  { port: 69, service: 'tftp', added: NAT_SLIPSTREAM_2 },
  { port: 77, service: 'priv-rjs' }, { port: 79, service: 'finger' }, { port: 87, service: 'ttylink' },
  { port: 95, service: 'supdup' }, { port: 101, service: 'hostname' }, { port: 102, service: 'iso-tsap' },
  { port: 103, service: 'gppitnp' }, { port: 104, service: 'acr-nema' }, { port: 109, service: 'pop2' },
  { port: 110, service: 'pop3' }, { port: 111, service: 'sunrpc' }, { port: 113, service: 'auth' },
  { port: 115, service: 'sftp' }, { port: 117, service: 'uucp-path' }, { port: 119, service: 'nntp' },
  { port: 123, service: 'ntp' }, { port: 135, service: 'epmap' },
  { port: 137, service: 'netbios-ns', added: NAT_SLIPSTREAM_2 },
  { port: 139, service: 'netbios-ssn' }, { port: 143, service: 'imap' },
  { port: 161, service: 'snmp', added: NAT_SLIPSTREAM_2 },
  { port: 179, service: 'bgp' }, { port: 389, service: 'ldap' },
  { port: 427, service: 'svrloc', added: FETCH_2018 },
  { port: 465, service: 'submissions' }, { port: 512, service: 'exec' }, { port: 513, service: 'login' },
  { port: 514, service: 'shell' }, { port: 515, service: 'printer' }, { port: 526, service: 'tempo' },
  { port: 530, service: 'courier' }, { port: 531, service: 'chat' }, { port: 532, service: 'netnews' },
  { port: 540, service: 'uucp' },
  { port: 548, service: 'afp', added: FETCH_2018 },
  // First blocked briefly with the M88 merge above, unblocked after enterprise complaints (whatwg/fetch#1148:
  // "So Chrome did not block 554"), blocked again in Chrome 90.
  { port: 554, service: 'rtsp', added: { chromium: 90, firefox: 85, fetch: '2021-03-10' } },
  { port: 556, service: 'remotefs' }, { port: 563, service: 'nntps' }, { port: 587, service: 'submission' },
  { port: 601, service: 'syslog-conn' }, { port: 636, service: 'ldaps' },
  { port: 989, service: 'ftps-data', added: ALPACA }, { port: 990, service: 'ftps', added: ALPACA },
  { port: 993, service: 'imaps' }, { port: 995, service: 'pop3s' },
  { port: 1719, service: 'h323gatestat', added: NAT_SLIPSTREAM_2 },
  { port: 1720, service: 'h323hostcall', added: NAT_SLIPSTREAM_2 },
  { port: 1723, service: 'pptp', added: NAT_SLIPSTREAM_2 },
  { port: 2049, service: 'nfs' }, { port: 3659, service: 'apple-sasl' }, { port: 4045, service: 'npp' },
  // Not blocked by Chromium (NOT_IN in ./blocked.ts).
  { port: 4190, service: 'sieve', added: FETCH_2024 },
  { port: 5060, service: 'sip', added: SIP }, { port: 5061, service: 'sips', added: SIP },
  { port: 6000, service: 'x11' },
  { port: 6566, service: 'sane-port', added: NAT_SLIPSTREAM_2 },
  { port: 6665, service: 'ircu' }, { port: 6666, service: 'ircu' }, { port: 6667, service: 'ircu' },
  { port: 6668, service: 'ircu' }, { port: 6669, service: 'ircu' },
  { port: 6679, service: 'osaut', added: FETCH_2024 },
  { port: 6697, service: 'ircs-u', added: FETCH_2018 },
  // Chrome: every report found says 91 (gogs/gogs#6593 quoting the Chrome 91 enterprise release notes;
  // bilive/bilive_client#183), but no primary Chromium record was found: unknown.
  { port: 10080, service: 'amanda', added: { firefox: 85, fetch: '2021-04-13' } },
];

const byPort = new Map(BLOCKED_PORTS.map((entry) => [entry.port, entry]));

/** The entry for a port on any engine's list, or undefined. */
export function blockedEntry(port: number): BlockedPort | undefined {
  return byPort.get(port);
}

/**
 * Did `engine` at major `version` refuse `port`? True or false where a sourced version says so (or no list
 * of that engine has the port); "unknown" where it is on today's list and since when is not known. Unknown
 * is never read as "from the start".
 */
export function blockedSince(port: number, engine: Engine, version: number): boolean | 'unknown' {
  if (!isBlocked(port, engine)) return false;
  const since = engine === 'chromium' || engine === 'firefox' ? byPort.get(port)?.added?.[engine] : undefined;
  return since === undefined ? 'unknown' : version >= since;
}
