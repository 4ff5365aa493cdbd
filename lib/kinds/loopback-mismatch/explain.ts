/** What the explanation of loopback-mismatch shows (pages only). */
import type { KindExplainer } from '../types.ts';
import { onLocalhost } from '../url-fixes.ts';

/** The other loopback address for a literal one, as written in a URL; none for names. */
export function loopbackTwins(hostname: string): string[] {
  if (hostname === '[::1]') return ['127.0.0.1'];
  if (/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname)) return ['[::1]'];
  return [];
}

export const explain: KindExplainer = {
  // Found by a probe after a refused connection, in either browser.
  seen: { chromium: ['tab'], firefox: ['tab'] },
  probeHosts: (url) => loopbackTwins(url.hostname),
  retry: true,
  title: ({ port }) => ({ key: 'kind.loopbackMismatch.title', args: [String(port)] }),
  summary: ({ host, port, answeredBy }) => ({
    key: 'kind.loopbackMismatch.summary',
    args: [`${host}:${port}`, `${answeredBy ?? '?'}:${port}`],
  }),
  fix: ({ url }) => {
    const local = onLocalhost(url);
    return local
      ? { label: { key: 'kind.loopbackMismatch.fix' }, url: local, testId: 'use-localhost' }
      : null;
  },
  checklist: () => [
    { key: 'kind.loopbackMismatch.bindBoth' },
    { key: 'kind.loopbackMismatch.bindVite' },
    { key: 'kind.loopbackMismatch.ipv4first' },
    { key: 'kind.loopbackMismatch.docker' },
  ],
  sections: ['checklist'],
};
