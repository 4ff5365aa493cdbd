import { i18n } from '#i18n';
import { afterFirstPaint, pageTarget, preparePage } from '@/components/prepare-page';
import { diagnose, type Diagnosis } from '@/lib/diagnose';
import { CURRENT_ENGINE } from '@/lib/engine';
import { readExplainParams } from '@/lib/explain-link';
import { loadedExplainer, loadExplainer } from '@/lib/kinds/explainers';
import { paintTop } from './paint-top.ts';
import { topView } from './top-view.ts';
import './explain.css';

/**
 * The explanation paints its first screen from its own address, before anything else loads: no Svelte, no
 * storage, no message (issue #14). Everything below it (the port's story, safe ports, commands, overrides)
 * comes with details.ts, which also reads the user's settings and repaints the top if they change it.
 */
preparePage(i18n.t('extName'));
const params = readExplainParams(location.search);
const top = pageTarget('top');
// Loads an address in this tab through the background, which refuses anything but http(s).
const open = (url: string) => void import('@/lib/messages').then(({ send }) => send('openUrl', { url }));
// The kind's explainer (summary, fix) is a small chunk of its own: painted at once when loaded, else right after.
const show = (diagnosis: Diagnosis | null) => {
  const explainer = diagnosis ? loadedExplainer(diagnosis.kind) : undefined;
  paintTop(top, topView(diagnosis, explainer), open);
  if (diagnosis && !explainer) void loadExplainer(diagnosis.kind).then(() => show(diagnosis));
};
// The defaults' preferred ports and local hosts (none) until the settings arrive.
show(params && diagnose(params.url, params.code, CURRENT_ENGINE, { preferred: [], localHosts: [] }));
afterFirstPaint(
  () => void import('./details.ts').then(({ mountDetails }) => mountDetails(pageTarget(), params, show)),
);
