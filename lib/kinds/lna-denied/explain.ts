/** What the explanation of lna-denied shows (pages only): who asked, what was refused, how to allow it. */
import type { KindExplainer } from '../types.ts';

export const explain: KindExplainer = {
  seen: { chromium: ['frame'], firefox: [] },
  retry: true,
  title: ({ port }) => ({ key: 'kind.lnaDenied.title', args: [String(port)] }),
  summary: ({ host, port }) => ({ key: 'kind.lnaDenied.summary', args: [`${host}:${port}`] }),
  checklist: () => [
    { key: 'kind.lnaDenied.allow' },
    { key: 'kind.lnaDenied.localhost' },
    { key: 'kind.lnaDenied.iframe' },
    { key: 'kind.lnaDenied.headers' },
  ],
  sections: ['checklist'],
};
