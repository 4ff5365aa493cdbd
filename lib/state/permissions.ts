/**
 * "Deeper checks": the checks that need to see the requests pages make, not only their navigations. In
 * Chrome they need `webRequest`, and holding it costs every page of every site: Chromium then routes each
 * request through a proxy in its browser process, listeners or not (web_request_api.cc,
 * WebRequestAPI::MaybeProxyURLLoaderFactory; `npm run bench:overhead` measures it). So it is an optional
 * permission, asked for by a click where the user meets the need: the options page and the popup.
 *
 * What it buys today: the in-page card for a page's own fetch, XHR or WebSocket on a blocked port. Firefox
 * reports nothing for those (it refuses the port before a channel exists, so no webRequest event fires),
 * so there it asks for nothing.
 *
 * Chromium 156 applies a `webRequest` granted at run time only from its next start: the permission is held
 * and the listener registered, but no request event arrives until the browser restarts with it (the e2e
 * test "deeper checks" shows both). Chromium decides whether to route requests through extensions when an
 * extension loads. So a grant is remembered for this browser session (storage.session, which the restart
 * clears), and the pages say "on after Chrome restarts" until then.
 */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { CURRENT_ENGINE, hasDeeperChecks } from '../core/engine.ts';

/** Granted during this browser session: in effect from the next start. */
const pendingItem = storage.defineItem<boolean>('session:deeperChecksPending', { fallback: false });

export type DeeperChecksState = 'off' | 'on' | 'after-restart';

export const DEEPER_CHECKS: { permissions: ['webRequest'] } = { permissions: ['webRequest'] };

/** Does this browser have deeper checks at all? */
export const HAS_DEEPER_CHECKS = hasDeeperChecks(CURRENT_ENGINE);

/** Are they on? (The browser's word: the permission is held.) */
export async function deeperChecksOn(): Promise<boolean> {
  if (!HAS_DEEPER_CHECKS) return false;
  return browser.permissions.contains(DEEPER_CHECKS).catch(() => false);
}

/** Off, on, or granted and waiting for the browser's next start. */
export async function deeperChecksState(): Promise<DeeperChecksState> {
  if (!(await deeperChecksOn())) return 'off';
  return (await pendingItem.getValue().catch(() => false)) ? 'after-restart' : 'on';
}

/** Asks for them; must run inside the click that wants them. Answers the state that follows. */
export async function askForDeeperChecks(): Promise<DeeperChecksState> {
  // The request goes first: nothing may be awaited between the click and it.
  const granted = await browser.permissions.request(DEEPER_CHECKS).catch(() => false);
  if (!granted) return 'off';
  await pendingItem.setValue(true).catch(() => undefined);
  return 'after-restart';
}

/** Turns them off: the permission is given back. */
export async function dropDeeperChecks(): Promise<DeeperChecksState> {
  await browser.permissions.remove(DEEPER_CHECKS).catch(() => false);
  await pendingItem.removeValue().catch(() => undefined);
  return deeperChecksState();
}
