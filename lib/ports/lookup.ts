/**
 * The popup's lookup: what people type, turned into everything Port Doctor knows about that port. Pure, so
 * it is fuzzed with arbitrary strings: every input gives an answer or a typed error, never an exception.
 */
import type { BrowserEngine } from '../core/engine.ts';
import { ENGINES, type Engine } from './blocked.ts';
import { portFacts, type PortFacts } from './facts.ts';
import type { IanaTable } from './iana.ts';
import { parsePortInput, type ParseError, type Target } from './parse.ts';

export interface Verdict {
  engine: Engine;
  blocked: boolean;
}

export type LookupResult =
  { ok: true; target: Target; facts: PortFacts; verdicts: Verdict[] } | { ok: false; error: ParseError };

export function lookup(
  input: string,
  engine: BrowserEngine,
  iana?: IanaTable,
  preferred?: readonly number[],
): LookupResult {
  const parsed = parsePortInput(input);
  if (!parsed.ok) return parsed;
  const facts = portFacts(parsed.target.port, iana, preferred ? { preferred } : undefined);
  const order = [engine, ...ENGINES.filter((other) => other !== engine)];
  const verdicts = order.map((candidate) => ({
    engine: candidate,
    blocked: facts.blockedBy.includes(candidate),
  }));
  return { ok: true, target: parsed.target, facts, verdicts };
}
