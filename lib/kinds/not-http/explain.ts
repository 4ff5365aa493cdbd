/** What the explanation of not-http shows (pages only). */
import type { KindExplainer } from '../types.ts';

export const explain: KindExplainer = {
  seen: { chromium: ['tab', 'frame'], firefox: ['tab', 'frame'] },
  title: ({ port }) => ({ key: 'kind.notHttp.title', args: [String(port)] }),
  // Without a service known for the port, a sentence of its own: never a "?" in place of the service's name.
  summary: ({ port, conventionName }) =>
    conventionName
      ? { key: 'kind.notHttp.summary', args: [String(port), conventionName] }
      : { key: 'kind.notHttp.summaryUnknown', args: [String(port)] },
  sections: [],
};
