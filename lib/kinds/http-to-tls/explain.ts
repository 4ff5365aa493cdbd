/** What the explanation of http-to-tls shows (pages only). */
import type { KindExplainer } from '../types.ts';
import { withScheme } from '../url-fixes.ts';

export const explain: KindExplainer = {
  seen: { chromium: ['tab', 'frame'], firefox: [] },
  title: ({ port }) => ({ key: 'kind.httpToTls.title', args: [String(port)] }),
  summary: ({ port }) => ({ key: 'kind.httpToTls.summary', args: [String(port)] }),
  fix: ({ url }) => {
    const https = withScheme(url, 'https:');
    return https ? { label: { key: 'kind.httpToTls.fix' }, url: https, testId: 'use-https' } : null;
  },
  sections: [],
};
