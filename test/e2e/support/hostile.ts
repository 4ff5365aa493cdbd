/** Shared by both browsers' hostile-page tests. */
import type { Page } from 'puppeteer-core';
import { chooseReaction, statusSays } from './options-page.ts';

/** What a hostile page recorded of its attempts (fixtures/hostile.ts: `window.hostile`). */
export function hostile<T>(page: Page): Promise<T> {
  return page.evaluate(() => (window as unknown as { hostile: unknown }).hostile) as Promise<T>;
}

/** The options page still saves: a reaction changed and changed back, each one "Saved.". */
export async function optionsStillSave(options: Page): Promise<void> {
  for (const reaction of ['explain', 'badge']) {
    await chooseReaction(options, 'localFailures', reaction);
    await statusSays(options, 'Saved.');
  }
}
