import { afterFirstPaint, pageTarget, preparePage } from '@/components/prepare-page';
import { readExplainParams } from '@/lib/view/explain-link';
import { PRODUCT_TITLE } from '@/lib/view/explanation';
import { ExplanationState } from './explanation-state.ts';
import { paintTop } from './paint-top.ts';
import './explain.css';

/**
 * The explanation paints its first screen from its own address, before anything else loads: no Svelte, no
 * storage, no message (issue #14). Everything below it (the port's story, safe ports, commands, overrides)
 * comes with mount-details.ts, which also reads the user's settings into the page's state: the first screen
 * follows that state (the settings, a refinement, the port the move section recommends), as the sections do.
 */
preparePage(PRODUCT_TITLE);
const top = pageTarget('top');
// Loads an address in this tab through the background, which refuses anything but http(s).
const open = (url: string) =>
  void import('@/lib/protocol/messages').then(({ send }) => send('openUrl', { url }));
const explanation = new ExplanationState(readExplainParams(location.search));
explanation.subscribe((view) => paintTop(top, view.top, open));
afterFirstPaint(
  () => void import('./mount-details.ts').then(({ mountDetails }) => mountDetails(pageTarget(), explanation)),
);
