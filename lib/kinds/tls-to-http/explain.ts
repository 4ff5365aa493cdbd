/** What the explanation of tls-to-http shows (pages only). */
import type { KindExplainer } from '../types.ts';
import { withScheme } from '../url-fixes.ts';

export const explain: KindExplainer = {
  seen: { chromium: ['tab', 'frame'], firefox: ['tab', 'frame'] },
  title: ({ port }) => ({ key: 'kind.tlsToHttp.title', args: [String(port)] }),
  summary: ({ port }) => ({ key: 'kind.tlsToHttp.summary', args: [String(port)] }),
  fix: ({ url }) => {
    const http = withScheme(url, 'http:');
    return http ? { label: { key: 'kind.tlsToHttp.fix' }, url: http, testId: 'use-http' } : null;
  },
  // What turns a typed http:// into https:// when "Open with http://" does not stick (forced-https is the
  // preloaded-TLD case, found from the address alone).
  checklist: ({ engine }) => [
    { key: 'kind.tlsToHttp.upgradedHsts' },
    ...(engine === 'chromium' ? [] : [{ key: 'kind.tlsToHttp.upgradedHttpsOnly' } as const]),
    { key: 'kind.tlsToHttp.upgradedCsp' },
  ],
  sections: ['checklist'],
};
