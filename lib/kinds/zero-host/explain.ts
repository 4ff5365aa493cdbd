/** What the explanation of zero-host shows (pages only). */
import type { KindExplainer } from '../types.ts';
import { onLocalhost } from '../url-fixes.ts';

export const explain: KindExplainer = {
  seen: { chromium: [], firefox: ['tab', 'frame'] },
  title: ({ port }) => ({ key: 'kind.zeroHost.title', args: [String(port)] }),
  summary: ({ host, port }) => ({ key: 'kind.zeroHost.summary', args: [host, String(port)] }),
  fix: ({ url }) => {
    const local = onLocalhost(url);
    return local ? { label: { key: 'kind.zeroHost.fix' }, url: local, testId: 'use-localhost' } : null;
  },
  sections: [],
};
