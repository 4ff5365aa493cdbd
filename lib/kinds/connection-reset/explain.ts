/** What the explanation of connection-reset shows (pages only): likely causes, worded as such. */
import type { KindExplainer, Text } from '../types.ts';
import { withScheme } from '../url-fixes.ts';

export const explain: KindExplainer = {
  seen: { chromium: ['tab', 'frame'], firefox: ['tab', 'frame'] },
  retry: true,
  title: ({ port }) => ({ key: 'kind.connectionReset.title', args: [String(port)] }),
  summary: ({ host, port }) => ({ key: 'kind.connectionReset.summary', args: [`${host}:${port}`] }),
  // In Firefox the same error comes from an HTTPS server opened with http:// (Chrome says ERR_EMPTY_RESPONSE).
  fix: ({ url, engine, scheme }) => {
    const https = engine === 'firefox' && scheme === 'http:' ? withScheme(url, 'https:') : null;
    return https ? { label: { key: 'kind.connectionReset.fix' }, url: https, testId: 'use-https' } : null;
  },
  checklist: ({ engine, scheme }) => {
    const items: Text[] = [];
    if (engine === 'firefox' && scheme === 'http:') items.push({ key: 'kind.connectionReset.causeHttps' });
    items.push(
      { key: 'kind.connectionReset.causeContainer' },
      { key: 'kind.connectionReset.causeProxy' },
      { key: 'kind.connectionReset.causeCrash' },
    );
    return items;
  },
  sections: ['checklist', 'listeners'],
};
