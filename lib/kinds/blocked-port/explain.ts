/** What the explanation of blocked-port shows (pages only). */
import type { KindExplainer } from '../types.ts';

export const explain: KindExplainer = {
  seen: { chromium: ['tab', 'frame', 'request'], firefox: ['tab', 'frame'] },
  title: ({ port }) => ({ key: 'kind.blockedPort.title', args: [String(port)] }),
  summary: ({ host, port, serviceName }) =>
    serviceName
      ? { key: 'kind.blockedPort.summary', args: [host, String(port), serviceName] }
      : { key: 'kind.blockedPort.unlisted', args: [String(port)] },
  sections: ['move', 'service', 'engines', 'deeper-checks', 'override'],
};
