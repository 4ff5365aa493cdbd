import { mount, type Component } from 'svelte';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import './theme.css';

/** Set while a page reloads itself because it came up without its messages (below). */
const RELOADED = 'port-doctor-reloaded-for-messages';

/**
 * Mounts an extension page's root component, with the document's language and title set for it.
 *
 * Chromium 156 now and then starts an extension page whose chrome.i18n answers "" for every message (seen in
 * the e2e runs, after Chromium restarted on a profile it had loaded the extension into; never reproduced in
 * isolation). Such a page would show no text at all, so it reloads itself, once.
 */
export function mountPage(App: Component, title: string): void {
  if (i18n.t('extName') === '') {
    if (sessionStorage.getItem(RELOADED) === null) {
      sessionStorage.setItem(RELOADED, '1');
      location.reload();
      return;
    }
  } else sessionStorage.removeItem(RELOADED);
  document.documentElement.lang = browser.i18n.getUILanguage();
  document.title = title;
  const target = document.getElementById('app');
  if (!target) throw new Error('Port Doctor: #app is missing from the page');
  mount(App, { target });
}
