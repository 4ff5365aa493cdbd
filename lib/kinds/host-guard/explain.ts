/** What the explanation of host-guard shows (pages only): the config line with the user's own host. */
import { printableHost } from '../../core/dns-name.ts';
import type { KindExplainer, Text } from '../types.ts';
import { onLocalhost } from '../url-fixes.ts';
import { VITE_HOST_CODE } from './kind.ts';

/** The host as a dev server's list writes it: no brackets, no trailing dot. */
const bare = (host: string) => host.replace(/^\[|\]$/g, '').replace(/\.$/, '');

/**
 * The host for the config and shell lines the user copies: a DNS name or an IPv4 address, else a placeholder
 * (a URL's host may hold ";" or "{", which a shell runs when the line is pasted).
 */
function snippetHost(host: string): string | Text {
  return printableHost(bare(host)) ?? { key: 'kind.hostGuard.anyHost' };
}

export const explain: KindExplainer = {
  seen: { chromium: ['click'], firefox: ['click'] },
  retry: true,
  title: ({ port }) => ({ key: 'kind.hostGuard.title', args: [String(port)] }),
  summary: ({ host, code }) => ({
    key: code === VITE_HOST_CODE ? 'kind.hostGuard.summary' : 'kind.hostGuard.summaryWebpack',
    args: [bare(host)],
  }),
  fix: ({ url }) => {
    const local = onLocalhost(url);
    return local ? { label: { key: 'kind.hostGuard.fix' }, url: local, testId: 'use-localhost' } : null;
  },
  checklist: ({ host, code }) =>
    code === VITE_HOST_CODE
      ? [
          { key: 'kind.hostGuard.viteConfig', args: [snippetHost(host)] },
          { key: 'kind.hostGuard.viteEnv', args: [snippetHost(host)] },
          { key: 'kind.hostGuard.viteAll' },
        ]
      : [
          { key: 'kind.hostGuard.webpackConfig', args: [snippetHost(host)] },
          { key: 'kind.hostGuard.webpackAll' },
        ],
  sections: ['checklist'],
};
