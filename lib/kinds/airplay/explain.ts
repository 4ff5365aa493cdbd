/** What the explanation of airplay shows (pages only): not your app; how to switch it off; another port. */
import type { KindExplainer } from '../types.ts';

export const explain: KindExplainer = {
  seen: { chromium: ['tab', 'frame'], firefox: [] },
  retry: true,
  title: ({ port }) => ({ key: 'kind.airplay.title', args: [String(port)] }),
  summary: ({ port }) => ({ key: 'kind.airplay.summary', args: [String(port)] }),
  checklist: () => [{ key: 'kind.airplay.switchOff13' }, { key: 'kind.airplay.switchOff12' }],
  sections: ['checklist', 'move'],
};
