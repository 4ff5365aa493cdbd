/** What the explanation of not-http shows (pages only). */
import type { KindExplainer } from '../types.ts';

export const explain: KindExplainer = {
  seen: { chromium: ['tab', 'frame'], firefox: ['tab', 'frame'] },
  title: ({ port }) => ({ key: 'kind.notHttp.title', args: [String(port)] }),
  summary: ({ port, conventionName }) => ({
    key: 'kind.notHttp.summary',
    args: [String(port), conventionName ?? '?'],
  }),
  sections: [],
};
