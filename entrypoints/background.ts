/**
 * The background only wires: the state it keeps (lib/background/pipeline.ts), the signals of the engine this
 * build runs in (lib/signals/), the notifications and the messages. Every listener is registered synchronously,
 * so an event that wakes the worker is delivered to it.
 */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { i18n } from '#i18n';
import { Overlays } from '@/lib/background/effects';
import { answerMessages } from '@/lib/background/handlers';
import { listenToNotifications } from '@/lib/background/notifications';
import { run, type Background } from '@/lib/background/pipeline';
import { listen } from '@/lib/signals';
import { NavigationSeq } from '@/lib/signals/navigation-seq';
import { listenToLocalPages } from '@/lib/signals/local-pages';
import { ProvenBlocked } from '@/lib/signals/proven-blocked';
import { ResolvedLocal } from '@/lib/signals/resolved-local';
import { rememberedApps } from '@/lib/state/apps';
import { SettingsCache } from '@/lib/state/settings';
import { TabState } from '@/lib/state/tab-state';

export default defineBackground(() => {
  const startedAt = Date.now();
  const background: Background = {
    overlays: new Overlays(),
    settings: new SettingsCache(),
    tabs: new TabState(),
    seq: new NavigationSeq(),
    proven: new ProvenBlocked(),
    resolved: new ResolvedLocal(),
    apps: rememberedApps(),
  };
  // The worker asks for a message before any page of the extension does. Chromium 156 sometimes ran the
  // extension with chrome.i18n answering "" for every key, in the worker and every page alike (a page with
  // no text): seen in e2e sessions where a page asked first (3 of 8), never where the worker did (21 of 21).
  i18n.t('extName');
  // Read now what a navigation may need to be decided at once (lib/signals/pre-empt.ts).
  void background.settings.get();
  void background.tabs.whenWarm();
  browser.storage.onChanged.addListener((changes, area) => background.settings.changed(changes, area));

  listen(background);
  listenToNotifications(background);
  listenToLocalPages(background.apps);
  browser.tabs.onRemoved.addListener((tabId) => {
    run(background.tabs.closed(tabId));
    background.overlays.forget(tabId);
    background.seq.forget(tabId);
  });
  answerMessages(background, startedAt);
});
