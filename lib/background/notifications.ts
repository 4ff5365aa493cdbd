/**
 * A click on Port Doctor's notification explains the failure, in its tab only if the tab still shows it.
 * `notifications` is an optional permission: the API exists only once it is granted, so the listener is added
 * at start-up when held and as soon as it is granted.
 */
import { browser } from 'wxt/browser';
import { explainNotified, failureOfNotification } from './effects.ts';
import { run, type Background } from './pipeline.ts';

export function listenToNotifications(background: Background): void {
  const onClicked = (id: string) => {
    const failure = failureOfNotification(id);
    if (!failure) return;
    void browser.notifications.clear(id);
    run(explainNotified(failure, background.tabs));
  };
  const listen = () => {
    if (!browser.notifications || browser.notifications.onClicked.hasListener(onClicked)) return;
    browser.notifications.onClicked.addListener(onClicked);
  };
  listen();
  browser.permissions.onAdded.addListener(listen);
}
