/**
 * Chromium: may a navigation be sent to the explanation as it starts, before Chromium refuses it
 * (lib/signals/proven-blocked.ts)? Only when everything needed is known without waiting, and only for a port this
 * browser has refused already this session; otherwise the error event decides, as before. Pure.
 */
import { boundUrl } from '../core/bounded.ts';
import { portListIncludes } from '../ports/port-list.ts';
import type { Settings } from '../state/settings/index.ts';

export interface PreEmptInput {
  url: string;
  port: number | null;
  /** The settings if already read (undefined: not yet). */
  settings: Settings | undefined;
  /** Chromium refused this port earlier in this session. */
  refusedBefore: boolean;
  /** A prerendered or cached document (lib/kinds/detect.ts). */
  inactive: boolean;
  /** The URL this tab was last explained for; null while the tab state is not read yet. */
  explained: string | undefined | null;
}

export function mayPreEmpt({
  url,
  port,
  settings,
  refusedBefore,
  inactive,
  explained,
}: PreEmptInput): boolean {
  if (!settings || port === null || inactive || !refusedBefore || explained === null) return false;
  if (settings.blockedNavigation !== 'explain' || portListIncludes(settings.unblockedPorts, port))
    return false;
  // Back from the explanation reloads the refused URL: it must fail and be badged, not bounce (lib/background/decide.ts).
  // The explained URL was kept bounded, without its query (lib/core/bounded.ts).
  return explained !== url && explained !== boundUrl(url, true, 'main_frame');
}
