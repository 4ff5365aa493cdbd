import type { Failure } from './failure.ts';
import type { Settings } from './settings.ts';

/** What the background does about one failure. */
export interface Actions {
  record: boolean;
  badge: boolean;
  /** Send the tab to the explanation page: only for a whole-tab failure, since error pages cannot be scripted. */
  explain: boolean;
  /** Show the card inside the live page whose own request (or subframe) was blocked. */
  overlay: boolean;
}

export function decideActions(failure: Failure, settings: Settings): Actions {
  const wholeTab = failure.resource === 'main_frame';
  const mode = settings.blockedNavigation;
  if (wholeTab)
    return { record: true, badge: mode !== 'nothing', explain: mode === 'explain', overlay: false };
  return { record: true, badge: true, explain: false, overlay: true };
}
