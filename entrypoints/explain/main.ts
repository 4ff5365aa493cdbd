import { afterFirstPaint, pageTarget, preparePage } from '@/components/prepare-page';
import { diagnose, type Diagnosis } from '@/lib/view/diagnose';
import { CURRENT_ENGINE } from '@/lib/core/engine';
import { readExplainParams } from '@/lib/view/explain-link';
import { loadedExplainer, loadExplainer } from '@/lib/kinds/explainers';
import { paintTop } from './paint-top.ts';
import { CHOSEN_PORT_EVENT } from './chosen-port.ts';
import { PRODUCT_TITLE, topView } from './top-view.ts';
import './explain.css';

/**
 * The explanation paints its first screen from its own address, before anything else loads: no Svelte, no
 * storage, no message (issue #14). Everything below it (the port's story, safe ports, commands, overrides)
 * comes with details.ts, which also reads the user's settings and repaints the top if they change it.
 */
preparePage(PRODUCT_TITLE);
const params = readExplainParams(location.search);
const top = pageTarget('top');
// Loads an address in this tab through the background, which refuses anything but http(s).
const open = (url: string) =>
  void import('@/lib/protocol/messages').then(({ send }) => send('openUrl', { url }));
// The kind's explainer (summary, fix) is a small chunk of its own: painted at once when loaded, else right after.
let shown: Diagnosis | null = null;
let chosenPort: number | undefined;
const show = (diagnosis: Diagnosis | null) => {
  shown = diagnosis;
  const explainer = diagnosis ? loadedExplainer(diagnosis.kind) : undefined;
  paintTop(top, topView(diagnosis, explainer, chosenPort), open);
  if (diagnosis && !explainer) void loadExplainer(diagnosis.kind).then(() => show(diagnosis));
};
// The move section recommends a port once it has checked them (sections/move.svelte): "Use port N" follows it.
document.addEventListener(CHOSEN_PORT_EVENT, (event) => {
  chosenPort = (event as CustomEvent<number>).detail;
  show(shown);
});
// The defaults' preferred ports and local hosts (none) until the settings arrive.
show(params && diagnose(params.url, params.code, CURRENT_ENGINE, { preferred: [], localHosts: [] }));
afterFirstPaint(
  () => void import('./details.ts').then(({ mountDetails }) => mountDetails(pageTarget(), params, show)),
);
