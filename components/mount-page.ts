import { mount, type Component } from 'svelte';
import { pageTarget, preparePage } from './prepare-page.ts';
import './theme.css';

/** Mounts an extension page's root component, once the page is ready for it (prepare-page.ts). */
export function mountPage(App: Component, title: string): void {
  preparePage(title);
  mount(App, { target: pageTarget() });
}
