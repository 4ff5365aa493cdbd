import { browser } from 'wxt/browser';
import { diagnose, type Diagnosis } from '@/lib/view/diagnose';
import { CURRENT_ENGINE } from '@/lib/core/engine';
import { send } from '@/lib/protocol/messages';
import { resolvedLocalHosts } from '@/lib/signals/resolved-local';
import { defaultSettings, loadSettings } from '@/lib/state/settings';
import { failuresForTab } from '@/lib/state/tab-state';
import { isWebUrl } from '@/lib/core/url';

/** What the popup's parts share, read once: the settings and the active tab's latest failure. */
export class PopupState {
  settings = $state(defaultSettings());
  diagnosis = $state<Diagnosis | null>(null);
  readonly #tabUrl = Promise.withResolvers<string | null>();
  /** The address of the tab the popup was opened on, when the popup may read it ("Running here" names its app). */
  readonly tabUrl = this.#tabUrl.promise;

  async load(): Promise<void> {
    const [[tab], loaded] = await Promise.all([
      browser.tabs.query({ active: true, currentWindow: true }),
      loadSettings(),
    ]).catch((error: unknown) => {
      this.#tabUrl.resolve(null);
      throw error;
    });
    this.#tabUrl.resolve(tab?.url ?? null);
    this.settings = loaded;
    if (tab?.id === undefined) return;
    let latest = (await failuresForTab(tab.id)).at(-1);
    // Nothing failed that an event told: the page itself may say it (a dev server's refusal), readable now
    // that the user clicked (activeTab). The background reads it and records what it finds.
    if (!latest && isWebUrl(tab.url ?? '') && (await send('checkTab', { tabId: tab.id }).catch(() => false)))
      latest = (await failuresForTab(tab.id)).at(-1);
    if (latest)
      this.diagnosis = diagnose(latest.url, latest.code, CURRENT_ENGINE, {
        localHosts: [...loaded.localHosts, ...(await resolvedLocalHosts())],
        preferred: loaded.preferredPorts,
      });
  }
}
