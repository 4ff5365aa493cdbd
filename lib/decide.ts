import type { Failure } from './failure.ts';
import type { Settings } from './settings.ts';

/** What the background does about one failure, besides recording it (every failure is, for the popup). */
export interface Actions {
  badge: boolean;
  /** Send the tab to the explanation page: only for a whole-tab failure, since error pages cannot be scripted. */
  explain: boolean;
  /** Show the card inside the live page whose own request (or subframe) was blocked. */
  overlay: boolean;
}

export interface Context {
  /** The URL this tab was last sent to the explanation page for: going Back to it must not bounce again. */
  explainedUrl?: string;
  /** The user chose "Don't show on this site" for the page the failure happened in. */
  muted?: boolean;
}

export function decideActions(failure: Failure, settings: Settings, context: Context = {}): Actions {
  const blocked = failure.kind === 'blocked-port';
  const mode = blocked ? settings.blockedNavigation : settings.localFailures;
  const badge = mode !== 'nothing';
  if (failure.resource === 'main_frame') {
    const explain = mode === 'explain' && context.explainedUrl !== failure.url;
    return { badge, explain, overlay: false };
  }
  // A frame or a request inside a live page: the page stays; a blocked port gets the in-page card.
  return { badge, explain: false, overlay: blocked && badge && !context.muted };
}
