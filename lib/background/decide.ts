import type { Failure } from '../kinds/failure.ts';
import { kindById } from '../kinds/registry.ts';
import { portListIncludes } from '../ports/port-list.ts';
import type { Settings } from '../state/settings/index.ts';

/** What the background does about one failure. */
export interface Actions {
  /** Remember it for the popup (tab state and history). */
  record: boolean;
  badge: boolean;
  /** Send the tab to the explanation page: only for a whole-tab failure, since error pages cannot be scripted. */
  explain: boolean;
  /** A system notification that opens the explanation when clicked. */
  notify: boolean;
  /** Show the card inside the live page whose own request (or subframe) was blocked. */
  overlay: boolean;
}

export interface Context {
  /** The URL this tab was last sent to the explanation page for: going Back to it must not bounce again. */
  explainedUrl?: string;
  /** The user chose "Don't show on this site" for the page the failure happened in. */
  muted?: boolean;
}

const QUIET: Readonly<Actions> = Object.freeze({
  record: false,
  badge: false,
  explain: false,
  notify: false,
  overlay: false,
});

export function decideActions(failure: Failure, settings: Settings, context: Context = {}): Actions {
  const kind = kindById(failure.kind);
  const blocked = kind.group === 'blocked';
  // The user unblocked this port in their browser: whatever happened is not the block.
  if (blocked && portListIncludes(settings.unblockedPorts, failure.port)) return { ...QUIET };
  const mode = blocked ? settings.blockedNavigation : settings.localFailures;
  const badge = mode !== 'nothing';
  if (failure.resource === 'main_frame') {
    // A failure read from its page (kind.page) was found in the popup the user is looking at: no redirect.
    const again = context.explainedUrl === failure.url || kind.page !== undefined;
    return {
      record: true,
      badge,
      explain: mode === 'explain' && !again,
      notify: mode === 'notify' && !again,
      overlay: false,
    };
  }
  // A frame or a request inside a live page: the page stays; a kind made for it gets the in-page card.
  const overlay = kind.card === true && badge && settings.overlay && !context.muted;
  return { record: true, badge, explain: false, notify: false, overlay };
}
