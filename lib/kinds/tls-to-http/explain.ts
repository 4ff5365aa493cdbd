/** What the explanation of tls-to-http shows (pages only). */
import type { KindExplainer } from '../types.ts';

export const explain: KindExplainer = {
  seen: { chromium: ['tab', 'frame'], firefox: ['tab', 'frame'] },
  summary: ({ port }) => ({ key: 'kind.tlsToHttp.summary', args: [String(port)] }),
  fix: ({ url }) => {
    const http = new URL(url);
    http.protocol = 'http:';
    return { label: { key: 'kind.tlsToHttp.fix' }, url: http.href, testId: 'use-http' };
  },
  sections: [],
};
