import { mount, type Component } from 'svelte';
import { browser } from 'wxt/browser';
import './theme.css';

/** Mounts an extension page's root component, with the document's language and title set for it. */
export function mountPage(App: Component, title: string): void {
  document.documentElement.lang = browser.i18n.getUILanguage();
  document.title = title;
  const target = document.getElementById('app');
  if (!target) throw new Error('Port Doctor: #app is missing from the page');
  mount(App, { target });
}
