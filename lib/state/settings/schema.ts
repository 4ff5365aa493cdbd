/**
 * Every setting, declared once: one row per field, with its default, how a stored value is read (untrusted: a
 * bad field, or a bad entry of a list, falls back to its default, so a corrupt, hand-edited or imported store
 * can never break the extension) and, for a list, its cap. The `Settings` type is read off the rows.
 */
import { isDevServerId, type DevServerId } from '../../commands/dev-server-ids.ts';
import { isRecord } from '../../core/guards.ts';
import { parseHostPattern } from '../../core/host-patterns.ts';
import { isWebUrl, safeUrl } from '../../core/url.ts';
import { parsePortEntry, parseSinglePort } from '../../ports/port-list.ts';
import { HISTORY_SIZE, MAX_HISTORY_SIZE } from '../history.ts';

/** What Port Doctor does when a whole tab fails. */
export const REACTIONS = ['explain', 'notify', 'badge', 'nothing'] as const;
export type Reaction = (typeof REACTIONS)[number];

/** Longest text kept for one list entry. */
const ENTRY_LENGTH = 300;

/** A stored value read back: null when unusable (the default applies); `clean` false when anything was dropped. */
type Read<T> = { value: T; clean: boolean } | null;

interface Field<T> {
  default: T;
  read(raw: unknown): Read<T>;
}

function scalar<T>(fallback: T, accept: (raw: unknown) => T | null): Field<T> {
  return {
    default: fallback,
    read: (raw) => {
      const value = accept(raw);
      return value === null ? null : { value, clean: true };
    },
  };
}

/** A list: each entry normalized by `entry` (null drops it), deduplicated and capped (the rest not looked at). */
function listOf<T>(limit: number, entry: (item: unknown) => T | null): Field<T[]> & { limit: number } {
  return {
    default: [],
    limit,
    read: (raw) => {
      if (!Array.isArray(raw)) return null;
      const items = new Set<T>();
      for (let index = 0; index < raw.length && items.size < limit; index++) {
        const item = entry(raw[index]);
        if (item !== null) items.add(item);
      }
      return { value: [...items], clean: items.size === raw.length };
    },
  };
}

const text = (parse: (input: string) => string | null) => (item: unknown) =>
  typeof item === 'string' && item.length <= ENTRY_LENGTH ? parse(item) : null;
const reaction = (raw: unknown) =>
  typeof raw === 'string' && (REACTIONS as readonly string[]).includes(raw) ? (raw as Reaction) : null;
const boolean = (raw: unknown) => (typeof raw === 'boolean' ? raw : null);

export const SCHEMA = {
  /** A tab that fails because its port is blocked. */
  blockedNavigation: scalar<Reaction>('explain', reaction),
  /** A tab on a local host that fails otherwise: connection refused, https to an http server, a non-HTTP port. */
  localFailures: scalar<Reaction>('badge', reaction),
  /** The card inside a live page whose own requests hit a blocked port. */
  overlay: scalar(true, boolean),
  /** Origins where the in-page card is not shown ("Don't show on this site"). */
  mutedSites: listOf(
    200,
    text((item) => (isWebUrl(item) && safeUrl(item)?.origin === item ? item : null)),
  ),
  /** Hosts that count as local besides the built-in ones: "devbox.lan", "*.test", "192.168.1.20". */
  localHosts: listOf(
    100,
    text((item) => {
      const parsed = parseHostPattern(item);
      return parsed.ok ? parsed.pattern : null;
    }),
  ),
  /** Ports the user unblocked in their own browser ("6000", "6665-6669"): Port Doctor stays quiet about them. */
  unblockedPorts: listOf(
    100,
    text((item) => {
      const parsed = parsePortEntry(item);
      return parsed.ok ? parsed.entry : null;
    }),
  ),
  /** Suggestions lead with these when they are safe. */
  preferredPorts: listOf(10, (item) => {
    const parsed = Number.isInteger(item) ? parseSinglePort(String(item)) : null;
    return parsed?.ok ? parsed.range.from : null;
  }),
  /** The explanation page shows how to override the block in each browser. */
  showOverrides: scalar(true, boolean),
  /** How many failures the popup remembers (0 keeps none). */
  historySize: scalar(HISTORY_SIZE, (raw) =>
    Number.isInteger(raw) && (raw as number) >= 0 && (raw as number) <= MAX_HISTORY_SIZE
      ? (raw as number)
      : null,
  ),
  /** The popup lists the servers answering on this machine's loopback addresses ("Running here"). */
  runningHere: scalar(true, boolean),
  /** More ports for "Running here" to ask, beyond each tool's own (lib/servers/dev-ports.ts). */
  scanPorts: listOf(20, (item) => {
    const parsed = Number.isInteger(item) ? parseSinglePort(String(item)) : null;
    return parsed?.ok ? parsed.range.from : null;
  }),
  /** The dev server whose move command the explanation shows first: the user's last choice. */
  devServer: scalar<DevServerId>('vite', (raw) => (isDevServerId(raw) ? raw : null)),
};

export type Settings = { [K in keyof typeof SCHEMA]: (typeof SCHEMA)[K]['default'] };

export const LIMITS = Object.freeze({
  mutedSites: SCHEMA.mutedSites.limit,
  localHosts: SCHEMA.localHosts.limit,
  unblockedPorts: SCHEMA.unblockedPorts.limit,
  preferredPorts: SCHEMA.preferredPorts.limit,
  scanPorts: SCHEMA.scanPorts.limit,
  historySize: MAX_HISTORY_SIZE,
  entryLength: ENTRY_LENGTH,
});

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze(
  Object.fromEntries(Object.entries(SCHEMA).map(([key, field]) => [key, field.default])) as Settings,
);

export const SETTING_KEYS = Object.keys(SCHEMA) as (keyof Settings)[];

/** Fresh defaults (the lists are new arrays, never the frozen default's). */
export function defaultSettings(): Settings {
  return structuredClone({ ...DEFAULT_SETTINGS }) as Settings;
}

export interface Validated {
  settings: Settings;
  /** The fields that were missing or invalid (all or some entries) and got their default, and unknown keys. */
  repaired: string[];
}

export function validateSettings(raw: unknown): Validated {
  if (!isRecord(raw)) return { settings: defaultSettings(), repaired: ['(all)'] };
  const settings = defaultSettings();
  const target = settings as unknown as Record<string, unknown>;
  const repaired: string[] = [];
  for (const [key, field] of Object.entries(SCHEMA) as [string, Field<unknown>][]) {
    const read = field.read(raw[key]);
    if (read) target[key] = read.value;
    if (!read?.clean) repaired.push(key);
  }
  // Object.hasOwn: "constructor" or "__proto__" in a file are unknown keys, not the prototype's.
  for (const key of Object.keys(raw)) if (!Object.hasOwn(SCHEMA, key)) repaired.push(`unknown key "${key}"`);
  return { settings, repaired };
}
