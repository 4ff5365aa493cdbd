import { send } from '@/lib/protocol/messages';
import { probeMode, probePorts, probeRedirect, type PortState } from '@/lib/view/probe';

/** The explanation page's live state: what the probes found, while the page is open. */
export class ProbeState {
  states = $state<Record<number, PortState>>({});
  done = $state(false);
  /** The host the user asked to check with a click: another machine is probed only then. */
  approved = $state<string | undefined>();

  /** May `host` be probed now: this machine at once, a LAN or user-listed host once the user asked. */
  allowed(host: string, local: boolean): boolean {
    const mode = probeMode(host, local);
    return mode === 'auto' || (mode === 'on-click' && this.approved === host);
  }

  approve(host: string): void {
    this.approved = host;
  }

  /** Probes `ports` on `host` if allowed; stops when `signal` aborts (the page closes or re-renders). */
  async run(host: string, local: boolean, ports: readonly number[], signal: AbortSignal): Promise<void> {
    if (!this.allowed(host, local)) return;
    this.states = {};
    this.done = false;
    await probePorts(
      fetch,
      host,
      ports,
      (port, state) => (this.states = { ...this.states, [port]: state }),
      signal,
      probeRedirect(probeMode(host, local)),
    );
    if (!signal.aborted) this.done = true;
  }
}

/** Loads an http(s) URL in this tab through the background, which refuses anything else. */
export function openUrl(url: string): void {
  void send('openUrl', { url });
}
