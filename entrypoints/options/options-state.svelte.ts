import { browser } from 'wxt/browser';
import { ALL_SITES } from '@/lib/core/host-access';
import {
  askForDeeperChecks,
  deeperChecksState,
  dropDeeperChecks,
  type DeeperChecksState,
} from '@/lib/state/permissions';
import {
  exportSettings,
  importSettings,
  MAX_FILE_BYTES,
  newLocalHosts,
  type ImportError,
} from '@/lib/state/settings/file';
import {
  defaultSettings,
  loadSettings,
  updateSettings,
  watchSettings,
  type Settings,
} from '@/lib/state/settings';

/** "Watch requests on all sites": an optional host permission, asked for on a click. */
export const ALL_SITES_PERMISSION = { origins: ALL_SITES };
const NOTIFICATIONS: { permissions: ['notifications'] } = { permissions: ['notifications'] };

export type Notice =
  | {
      kind:
        | 'saved'
        | 'reset'
        | 'imported'
        | 'notify-denied'
        | 'all-sites-refused'
        | 'deeper-refused'
        | 'save-failed';
    }
  | { kind: 'import-failed'; error: ImportError };

/**
 * The options page's state: the settings as stored, saved on every change (the background reads them afresh
 * for every event, so a change applies at once), and the optional permissions as the browser reports them.
 */
export class OptionsState {
  settings = $state<Settings | undefined>();
  allSites = $state(false);
  /** The deeper checks (lib/state/permissions.ts), as the browser reports the permission. */
  deeperChecks = $state<DeeperChecksState>('off');
  notice = $state<Notice | undefined>();
  /**
   * An imported file whose new local hosts wait for the user's answer (answerImport); nothing applied yet. Raw:
   * it is saved as it is, and a deep proxy is no value storage can clone.
   */
  pendingImport = $state.raw<{ settings: Settings; hosts: string[] } | undefined>();

  async start(signal: AbortSignal): Promise<void> {
    this.settings = await loadSettings();
    this.allSites = await browser.permissions.contains(ALL_SITES_PERMISSION);
    this.deeperChecks = await deeperChecksState();
    // Another page (the overlay's "Don't show on this site", another window of this page) may change them.
    const unwatch = watchSettings((settings) => (this.settings = settings));
    const follow = () => {
      void browser.permissions.contains(ALL_SITES_PERMISSION).then((held) => (this.allSites = held));
      void deeperChecksState().then((state) => (this.deeperChecks = state));
    };
    browser.permissions.onAdded.addListener(follow);
    browser.permissions.onRemoved.addListener(follow);
    signal.addEventListener('abort', () => {
      unwatch();
      browser.permissions.onAdded.removeListener(follow);
      browser.permissions.onRemoved.removeListener(follow);
    });
  }

  /**
   * Saves only what this page changed, on top of the settings as stored now: a site muted from a card
   * meanwhile is kept. A save that fails (both storage areas refused) is said, and the page shows what is
   * really stored.
   */
  async update(patch: Partial<Settings>, notice: Notice = { kind: 'saved' }): Promise<void> {
    if (!this.settings) return;
    try {
      this.settings = await updateSettings(() => patch);
      this.notice = notice;
    } catch (error) {
      console.error('[Port Doctor] settings not saved:', error);
      this.settings = await loadSettings();
      this.notice = { kind: 'save-failed' };
    }
  }

  /**
   * "Notification" needs the optional `notifications` permission. It is asked for inside the click; refused,
   * the badge-only reaction is kept instead, and the page says so.
   */
  async chooseReaction(field: 'blockedNavigation' | 'localFailures', value: Settings['blockedNavigation']) {
    if (value === 'notify' && !(await browser.permissions.request(NOTIFICATIONS).catch(() => false))) {
      await this.update({ [field]: 'badge' }, { kind: 'notify-denied' });
      return;
    }
    await this.update({ [field]: value });
  }

  /** The switch asks for the permission on click, and shows what the browser really granted. */
  async setAllSites(wanted: boolean): Promise<void> {
    if (wanted) {
      const granted = await browser.permissions.request(ALL_SITES_PERMISSION).catch(() => false);
      this.allSites = granted;
      this.notice = granted ? { kind: 'saved' } : { kind: 'all-sites-refused' };
    } else {
      await browser.permissions.remove(ALL_SITES_PERMISSION).catch(() => false);
      this.allSites = await browser.permissions.contains(ALL_SITES_PERMISSION);
      this.notice = { kind: 'saved' };
    }
  }

  /** The deeper checks switch: asked for in the click, and showing what the browser really granted. */
  async setDeeperChecks(wanted: boolean): Promise<void> {
    if (wanted) {
      this.deeperChecks = await askForDeeperChecks();
      // The state is a string, and 'off' is truthy: only 'off' is a refusal.
      this.notice = this.deeperChecks === 'off' ? { kind: 'deeper-refused' } : { kind: 'saved' };
    } else {
      await dropDeeperChecks();
      this.deeperChecks = await deeperChecksState();
      this.notice = { kind: 'saved' };
    }
  }

  /** What the settings were before the last reset, while its Undo is offered. */
  #beforeReset: Settings | undefined;

  /** Resets at once (no dialog to dismiss) and offers Undo in the status line. */
  async reset(): Promise<void> {
    this.#beforeReset = this.settings ? $state.snapshot(this.settings) : undefined;
    await this.update(defaultSettings(), { kind: 'reset' });
  }

  async undoReset(): Promise<void> {
    const before = this.#beforeReset;
    this.#beforeReset = undefined;
    if (before) await this.update(before, { kind: 'saved' });
  }

  exportFile(): string {
    return exportSettings(this.settings ? $state.snapshot(this.settings) : defaultSettings());
  }

  /** A picked file: judged by its size in bytes (File.size) before any of it is read. */
  async importBlob(file: Pick<Blob, 'size' | 'text'>): Promise<void> {
    const text = file.size > MAX_FILE_BYTES ? '' : await file.text();
    await this.importFile(text, file.size);
  }

  async importFile(text: string, bytes?: number): Promise<void> {
    this.pendingImport = undefined;
    const result = importSettings(text, bytes);
    if (!result.ok) {
      this.notice = { kind: 'import-failed', error: result.error };
      return;
    }
    // Hosts the user's list does not have yet wait for a click (lib/state/settings/file.ts, newLocalHosts).
    const hosts = newLocalHosts(result.settings.localHosts, this.settings?.localHosts ?? []);
    if (hosts.length > 0) {
      this.pendingImport = { settings: result.settings, hosts };
      this.notice = undefined;
      return;
    }
    await this.#apply(result.settings);
  }

  /**
   * The answer to the imported local hosts: with them, or the file without them (its other local hosts are
   * already the user's). Either way the rest of the file applies now.
   */
  async answerImport(withHosts: boolean): Promise<void> {
    const pending = this.pendingImport;
    this.pendingImport = undefined;
    if (!pending) return;
    const { settings, hosts } = pending;
    await this.#apply(
      withHosts
        ? settings
        : { ...settings, localHosts: settings.localHosts.filter((host) => !hosts.includes(host)) },
    );
  }

  async #apply(result: Settings): Promise<void> {
    // A file may turn on notifications: they need the permission, asked for now (Firefox refuses outside a
    // click, so the badge is kept there, and the page says so, as chooseReaction does).
    const settings = { ...result };
    const wantsNotify = settings.blockedNavigation === 'notify' || settings.localFailures === 'notify';
    if (wantsNotify && !(await this.#notificationsAllowed())) {
      for (const field of ['blockedNavigation', 'localFailures'] as const)
        if (settings[field] === 'notify') settings[field] = 'badge';
      await this.update(settings, { kind: 'notify-denied' });
      return;
    }
    await this.update(settings, { kind: 'imported' });
  }

  async #notificationsAllowed(): Promise<boolean> {
    if (await browser.permissions.contains(NOTIFICATIONS).catch(() => false)) return true;
    return browser.permissions.request(NOTIFICATIONS).catch(() => false);
  }
}
