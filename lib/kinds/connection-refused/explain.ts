/** What the explanation of connection-refused shows (pages only). */
import type { KindExplainer } from '../types.ts';

export const explain: KindExplainer = {
  seen: { chromium: ['tab', 'frame'], firefox: ['tab', 'frame'] },
  retry: true,
  title: ({ port }) => ({ key: 'kind.connectionRefused.title', args: [String(port)] }),
  summary: ({ host, port }) => ({
    key: 'kind.connectionRefused.summary',
    args: [`${host}:${port}`, String(port)],
  }),
  sections: ['nearby', 'listeners'],
};
