/**
 * The user's port lists on the options page: "6000", "6665-6669". Entries are kept as normalized text (what
 * the user sees and what an export file holds) and parsed on use. Pure.
 */

export interface PortRange {
  from: number;
  to: number;
}

export type PortEntryError = 'empty' | 'not-a-port' | 'out-of-range' | 'reversed';

export type PortEntryResult =
  { ok: true; entry: string; range: PortRange } | { ok: false; error: PortEntryError };

const MAX_PORT = 65535;

function toPort(text: string): number | null {
  return /^\d{1,5}$/.test(text) ? Number(text) : null;
}

/** Parses one entry typed by the user: a port, or two joined by a dash. */
export function parsePortEntry(input: string): PortEntryResult {
  const text = input.trim().replace(/\s*[-–]\s*/, '-');
  if (text === '') return { ok: false, error: 'empty' };
  const parts = text.split('-');
  if (parts.length > 2) return { ok: false, error: 'not-a-port' };
  const [from, to] = parts.map(toPort);
  if (from === null || from === undefined || to === null) return { ok: false, error: 'not-a-port' };
  const end = to ?? from;
  if (from < 1 || end > MAX_PORT) return { ok: false, error: 'out-of-range' };
  if (end < from) return { ok: false, error: 'reversed' };
  return { ok: true, entry: from === end ? String(from) : `${from}-${end}`, range: { from, to: end } };
}

/** Does any entry of the list cover this port? Malformed entries cover nothing. */
export function portListIncludes(entries: readonly string[], port: number): boolean {
  return entries.some((entry) => {
    const parsed = parsePortEntry(entry);
    return parsed.ok && parsed.range.from <= port && port <= parsed.range.to;
  });
}

/** Parses a single port (the preferred ports take no ranges). */
export function parseSinglePort(input: string): PortEntryResult {
  const parsed = parsePortEntry(input);
  if (parsed.ok && parsed.range.from !== parsed.range.to) return { ok: false, error: 'not-a-port' };
  return parsed;
}
