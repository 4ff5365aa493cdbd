import { describe, expect, it } from 'vitest';
import { decideActions } from '@/lib/background/decide';
import type { Failure, FailureKind } from '@/lib/kinds/failure';
import { DEFAULT_SETTINGS, type Reaction } from '@/lib/state/settings';

const QUIET = { record: false, badge: false, explain: false, notify: false, overlay: false };
const acts = (actions: object) => ({ record: true, notify: false, ...actions });

const failure = (resource: string, kind: FailureKind = 'blocked-port'): Failure => ({
  kind,
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
    ['main_frame', 'explain', { badge: true, explain: true, overlay: false }],
    ['main_frame', 'badge', { badge: true, explain: false, overlay: false }],
    ['main_frame', 'nothing', { badge: false, explain: false, overlay: false }],
    ['sub_frame', 'explain', { badge: true, explain: false, overlay: true }],
    ['xmlhttprequest', 'explain', { badge: true, explain: false, overlay: true }],
    ['websocket', 'badge', { badge: true, explain: false, overlay: true }],
    ['websocket', 'nothing', { badge: false, explain: false, overlay: false }],
  ])('blocked port, %s, "%s" -> %j', (resource, blockedNavigation, actions) => {
    expect(decideActions(failure(resource), { ...DEFAULT_SETTINGS, blockedNavigation })).toEqual(
      acts(actions),
    );
  });

  it('does not send the tab back into the explanation it just left (Back button)', () => {
    expect(
      decideActions(failure('main_frame'), DEFAULT_SETTINGS, { explainedUrl: 'http://localhost:6000/' }),
    ).toEqual(acts({ badge: true, explain: false, overlay: false }));
    expect(
      decideActions(failure('main_frame'), DEFAULT_SETTINGS, { explainedUrl: 'http://localhost:6001/' })
        .explain,
    ).toBe(true);
  });

  it.each<[FailureKind, Reaction, object]>([
    ['connection-refused', 'badge', { badge: true, explain: false, overlay: false }],
    ['tls-to-http', 'explain', { badge: true, explain: true, overlay: false }],
    ['not-http', 'nothing', { badge: false, explain: false, overlay: false }],
  ])('%s in a whole tab with "%s" -> %j', (kind, localFailures, actions) => {
    expect(decideActions(failure('main_frame', kind), { ...DEFAULT_SETTINGS, localFailures })).toEqual(
      acts(actions),
    );
  });

  it('never puts the card in a page for a refused subframe', () => {
    expect(decideActions(failure('sub_frame', 'connection-refused'), DEFAULT_SETTINGS).overlay).toBe(false);
  });

  it('"notify" shows a notification and the badge, and not again for the page it came back from', () => {
    const settings = { ...DEFAULT_SETTINGS, blockedNavigation: 'notify' as const };
    expect(decideActions(failure('main_frame'), settings)).toEqual(
      acts({ badge: true, explain: false, notify: true, overlay: false }),
    );
    expect(
      decideActions(failure('main_frame'), settings, { explainedUrl: 'http://localhost:6000/' }).notify,
    ).toBe(false);
    expect(decideActions(failure('xmlhttprequest'), settings)).toEqual(
      acts({ badge: true, explain: false, overlay: true }),
    );
  });

  it.each(['main_frame', 'sub_frame', 'websocket'])(
    'stays quiet about a port the user unblocked (%s), ranges included',
    (resource) => {
      expect(decideActions(failure(resource), { ...DEFAULT_SETTINGS, unblockedPorts: ['6000'] })).toEqual(
        QUIET,
      );
      expect(
        decideActions(failure(resource), { ...DEFAULT_SETTINGS, unblockedPorts: ['5990-6010'] }),
      ).toEqual(QUIET);
      expect(decideActions(failure(resource), { ...DEFAULT_SETTINGS, unblockedPorts: ['6001'] }).record).toBe(
        true,
      );
    },
  );

  it('shows no card when the card is off or the site is muted, but still marks the button', () => {
    const off = { ...DEFAULT_SETTINGS, overlay: false };
    expect(decideActions(failure('fetch'), off)).toEqual(
      acts({ badge: true, explain: false, overlay: false }),
    );
    expect(decideActions(failure('fetch'), DEFAULT_SETTINGS, { muted: true })).toEqual(
      acts({ badge: true, explain: false, overlay: false }),
    );
  });
});
