/** What the explanation of forced-https shows (pages only). */
import type { KindExplainer } from '../types.ts';
import { onLocalhostHttp } from '../url-fixes.ts';
import { preloadedTld } from './kind.ts';

/** The same name under .test, reserved for testing (RFC 2606 §2): "myapp.dev" → "myapp.test". */
export function testName(host: string): string {
  return host.replace(/\.[^.]+\.?$/, '.test');
}

export const explain: KindExplainer = {
  seen: { chromium: ['tab', 'frame'], firefox: ['tab', 'frame'] },
  title: ({ port }) => ({ key: 'kind.forcedHttps.title', args: [String(port)] }),
  summary: ({ host }) => ({ key: 'kind.forcedHttps.summary', args: [host, `.${preloadedTld(host) ?? ''}`] }),
  fix: ({ url }) => {
    const local = onLocalhostHttp(url);
    return local ? { label: { key: 'kind.forcedHttps.fix' }, url: local, testId: 'use-localhost' } : null;
  },
  checklist: ({ host }) => [
    { key: 'kind.forcedHttps.rename', args: [testName(host)] },
    { key: 'kind.forcedHttps.serveHttps', args: [host] },
    { key: 'kind.forcedHttps.noClearing' },
  ],
  sections: ['checklist'],
};
