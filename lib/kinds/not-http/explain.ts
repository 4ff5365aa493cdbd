/** What the explanation of not-http shows (pages only). */
import type { KindExplainer } from '../types.ts';

export const explain: KindExplainer = {
  seen: { chromium: ['tab', 'frame'], firefox: ['tab', 'frame'] },
  summary: ({ port, conventionName }) => ({
    key: 'kind.notHttp.summary',
    args: [String(port), conventionName ?? '?'],
  }),
  sections: [],
};
