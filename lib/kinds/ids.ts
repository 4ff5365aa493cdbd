/**
 * The ids of the kinds the build found (scripts/gen-kinds.ts), alone: what stored data is checked against
 * (history, tab state) without loading any kind's code (the options page shows the history's size and nothing
 * of the kinds). In precedence order.
 */
import { KIND_IDS } from './generated/ids.ts';

export { KIND_IDS };
export type KindId = (typeof KIND_IDS)[number];

export function isKindId(value: unknown): value is KindId {
  return typeof value === 'string' && (KIND_IDS as readonly string[]).includes(value);
}
