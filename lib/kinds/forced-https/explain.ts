/** What the explanation of forced-https shows (pages only). */
import { printableHost } from '../../core/dns-name.ts';
import type { KindExplainer, Text } from '../types.ts';
import { onLocalhostHttp } from '../url-fixes.ts';
import { preloadedTld } from './kind.ts';

/** The same name under .test, reserved for testing (RFC 2606 §2): "myapp.dev" → "myapp.test". */
export function testName(host: string): string {
  return host.replace(/\.[^.]+\.?$/, '.test');
}

/**
 * The host for the hosts-file example and the mkcert line: only a DNS name is printed there, since the user
 * copies those lines into a file or a shell, and a URL's host may hold ";" or "{" that a shell would run.
 */
function snippetHost(host: string): string | Text {
  return printableHost(host) ?? { key: 'kind.forcedHttps.anyHost' };
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
    { key: 'kind.forcedHttps.rename', args: [printableHost(host) ? testName(host) : 'myapp.test'] },
    { key: 'kind.forcedHttps.serveHttps', args: [snippetHost(host)] },
    { key: 'kind.forcedHttps.noClearing' },
  ],
  sections: ['checklist'],
};
