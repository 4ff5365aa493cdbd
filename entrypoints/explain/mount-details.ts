import { mount } from 'svelte';
import { refine } from '@/lib/kinds/refine';
import { projectDevServer } from '@/lib/servers/project-tool';
import { resolvedLocalHosts } from '@/lib/signals/resolved-local';
import { readRememberedApps } from '@/lib/state/apps';
import { loadSettings } from '@/lib/state/settings';
import type { Diagnosis } from '@/lib/view/diagnose';
import { probeMode, probePort } from '@/lib/view/probe';
import Details from './Details.svelte';
import type { ExplanationState } from './explanation-state.ts';

/**
 * The explanation below its first screen (main.ts), loaded once that screen is painted: it feeds the page's
 * state what the first screen could not wait for (the settings, the names found local, the refining probe), and
 * mounts the sections, which render that state.
 */
export function mountDetails(target: HTMLElement, explanation: ExplanationState): void {
  // The user's settings (preferred ports, own local hosts) may change the diagnosis the first screen showed.
  void loadSettings().then((settings) => explanation.learn({ settings }));
  void resolvedLocalHosts().then((names) => explanation.learn({ resolved: names }));
  void readRememberedApps().then((apps) => explanation.learn({ projectDevServer: projectDevServer(apps) }));
  // A kind no error reveals (loopback-mismatch): probed from this page, on this machine only, once per diagnosis.
  let probed: Diagnosis | null | undefined;
  let controller: AbortController | undefined;
  explanation.subscribe(() => {
    const failed = explanation.diagnosis;
    if (failed === probed) return;
    probed = failed;
    controller?.abort();
    if (!failed || probeMode(failed.host, failed.local) !== 'auto') return;
    const { signal } = (controller = new AbortController());
    void refine(failed.kind, failed.url, failed.port, (origin) => probePort(fetch, origin, signal)).then(
      (found) => {
        if (!signal.aborted) explanation.learn({ refined: found });
      },
    );
  });
  mount(Details, { target, props: { explanation } });
}
