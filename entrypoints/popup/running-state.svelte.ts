import { send } from '@/lib/protocol/messages';
import { learnScan, loopbackPlace } from '@/lib/servers/apps';
import { nextPorts, scanPlan } from '@/lib/servers/dev-ports';
import { foundOf, runningRows, tabApp, type RunningRow, type TabApp } from '@/lib/servers/running';
import { scanLoopback, type Answer } from '@/lib/servers/scan';
import { readRememberedApps } from '@/lib/state/apps';
import { readHistory } from '@/lib/state/history';
import { loadSettings } from '@/lib/state/settings';

/**
 * "Running here": a scan of this machine's loopback addresses for as long as the popup is open (`stop` when it
 * closes). Nothing runs before the popup asks, and nothing is kept once it is closed but what names an app the
 * user opened (lib/servers/apps.ts, kept by the background).
 */
export class RunningHere {
  rows = $state<RunningRow[]>([]);
  /** `off`: the user turned the list off in the options, and nothing is asked. */
  phase = $state<'settings' | 'scanning' | 'done' | 'off'>('settings');
  /** The app the popup's tab shows, once the scan named it. */
  tab = $state<TabApp | null>(null);
  #answers: Answer[] = [];

  /** `tabUrl`: the address of the tab the popup was opened on, when the popup may read it. */
  async scan(tabUrl: Promise<string | null>, signal: AbortSignal): Promise<void> {
    const [settings, history, apps, url] = await Promise.all([
      loadSettings(),
      readHistory(),
      readRememberedApps(),
      tabUrl,
    ]);
    if (!settings.runningHere) {
      this.phase = 'off';
      return;
    }
    this.phase = 'scanning';
    const tabPort = url === null ? undefined : loopbackPlace(url)?.port;
    const plan = scanPlan(
      [...(tabPort === undefined ? [] : [tabPort]), ...settings.scanPorts, ...settings.preferredPorts],
      // Where this user's servers were: the ports of the failures in the history.
      history.map((entry) => entry.port),
    );
    await scanLoopback(
      (target, init) => fetch(target, init),
      plan,
      (answer) => {
        this.#answers.push(answer);
        this.rows = runningRows(this.#answers);
      },
      signal,
      nextPorts,
    );
    if (signal.aborted) return;
    const found = foundOf(this.#answers);
    const now = Date.now();
    this.tab = tabApp(url, this.rows, learnScan(apps, found, now) || apps, now);
    this.phase = 'done';
    // The page's own clock, for the benchmark (bench/running-here.ts): no test tool attached while it runs.
    performance.mark('running-here-done');
    void send('learnServers', { found }).catch(() => undefined);
  }
}
