/** What the explanation of blocked-port shows (pages only). */
import type { KindExplainer } from '../types.ts';

export const explain: KindExplainer = {
  seen: { chromium: ['tab', 'frame', 'request'], firefox: ['tab', 'frame'] },
  summary: ({ host, port, serviceName }) =>
    serviceName
      ? { key: 'kind.blockedPort.summary', args: [host, String(port), serviceName] }
      : { key: 'kind.blockedPort.unlisted', args: [String(port)] },
  sections: ['service', 'engines', 'move', 'override', 'deeper-checks'],
};
