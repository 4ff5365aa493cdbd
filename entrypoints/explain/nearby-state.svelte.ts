import { send } from '@/lib/protocol/messages';
import { appOn, movedTo, type App, type Found } from '@/lib/servers/apps';
import { foundOf } from '@/lib/servers/running';
import { scanLoopback, type Answer } from '@/lib/servers/scan';
import { readRememberedApps } from '@/lib/state/apps';

/**
 * The servers around a refused port of this machine, named by their answers (lib/servers/scan.ts), and the app
 * remembered on that port (lib/servers/apps.ts): "your Vite app shop was on 5173; it answers on 5174 now".
 * Asked while the explanation is open; loopback only.
 */
export class NearbyServers {
  /** The app remembered on the refused port, and where the same app answers now. */
  app = $state<App | null>(null);
  moved = $state<Found | null>(null);
  /** The nearest server that answers, when it is not that app. */
  nearest = $state<Found | null>(null);
  done = $state(false);

  async run(port: number, candidates: readonly number[], signal: AbortSignal): Promise<void> {
    const apps = await readRememberedApps();
    const answers: Answer[] = [];
    await scanLoopback(
      (url, init) => fetch(url, init),
      candidates,
      (answer) => answers.push(answer),
      signal,
    );
    if (signal.aborted) return;
    const found = foundOf(answers);
    const nearest = [...found].sort((a, b) => Math.abs(a.port - port) - Math.abs(b.port - port))[0];
    this.app = appOn(apps, port) ?? null;
    this.moved = this.app ? movedTo(this.app, found) : null;
    this.nearest = this.moved ? null : (nearest ?? null);
    this.done = true;
    if (found.length > 0) void send('learnServers', { found }).catch(() => undefined);
  }
}
