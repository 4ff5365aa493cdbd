import { describe, expect, it } from 'vitest';
import { decideActions } from '@/lib/decide';
import type { Failure } from '@/lib/failure';
import type { Reaction } from '@/lib/settings';

const failure = (resource: string): Failure => ({
  kind: 'blocked-port',
  url: 'http://localhost:6000/',
  port: 6000,
  code: 'net::ERR_UNSAFE_PORT',
  engine: 'chromium',
  tabId: 1,
  frameId: resource === 'main_frame' ? 0 : 4,
  resource,
  time: 0,
});

describe('decideActions', () => {
  it.each<[string, Reaction, object]>([
    ['main_frame', 'explain', { record: true, badge: true, explain: true, overlay: false }],
    ['main_frame', 'badge', { record: true, badge: true, explain: false, overlay: false }],
    ['main_frame', 'nothing', { record: true, badge: false, explain: false, overlay: false }],
    ['sub_frame', 'explain', { record: true, badge: true, explain: false, overlay: true }],
    ['xmlhttprequest', 'explain', { record: true, badge: true, explain: false, overlay: true }],
    ['websocket', 'badge', { record: true, badge: true, explain: false, overlay: true }],
  ])('%s with "%s" -> %j', (resource, blockedNavigation, actions) => {
    expect(decideActions(failure(resource), { blockedNavigation })).toEqual(actions);
  });
});
