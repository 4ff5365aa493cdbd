import { send } from '@/lib/messages';
import { probePorts, type PortState } from '@/lib/probe';

/** The explanation page's live state: what the probes found, while the page is open. */
export class ProbeState {
  states = $state<Record<number, PortState>>({});
  done = $state(false);

  /** Probes `ports` on `host`; stops when `signal` aborts (the page closes or re-renders). */
  async run(host: string, ports: readonly number[], signal: AbortSignal): Promise<void> {
    await probePorts(
      fetch,
      host,
      ports,
      (port, state) => (this.states = { ...this.states, [port]: state }),
      signal,
    );
    if (!signal.aborted) this.done = true;
  }
}

/** Loads an http(s) URL in this tab through the background, which refuses anything else. */
export function openUrl(url: string): void {
  void send('openUrl', { url });
}
