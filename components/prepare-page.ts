import { i18n } from '#i18n';

/**
 * Gets an extension page ready for its first paint: the document's language and title. No Svelte and no
 * polyfill here, so a page can paint its first screen from this alone (the explanation page does).
 */
export function preparePage(title: string): void {
  // The language the messages are written in, which is not always the browser's (a French browser gets
  // the English messages).
  document.documentElement.lang = i18n.t('lang');
  document.title = title;
}

/** The element a page renders into. */
export function pageTarget(id = 'app'): HTMLElement {
  const target = document.getElementById(id);
  if (!target) throw new Error(`Port Doctor: #${id} is missing from the page`);
  return target;
}

/**
 * Runs `load` once the page's first screen has painted (a frame, then a task): loading and parsing the rest
 * first would hold that paint back. A page in a background tab paints nothing, so there it runs at once.
 */
export function afterFirstPaint(load: () => void): void {
  if (document.visibilityState === 'visible') requestAnimationFrame(() => setTimeout(load));
  else load();
}
