import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

/**
 * Three layers (README "Tests"): unit tests of lib/ (with the printed shell commands run in bash), wiring tests
 * of the entrypoints against WXT's fake browser, and e2e in the real browsers. The wiring tests of the Firefox build need WXT configured for
 * Firefox, which is process-wide, so they have their own config: vitest.firefox.config.ts.
 */
export default defineConfig({
  test: {
    // The kinds the build finds in lib/kinds (scripts/gen-kinds.ts), found afresh for every run.
    globalSetup: ['scripts/gen-kinds.ts'],
    projects: [
      {
        plugins: [WxtVitest()],
        test: {
          name: 'unit',
          // A kind's unit table lives in its folder (lib/kinds/<id>/kind.test.ts).
          include: ['test/unit/**/*.test.ts', 'lib/**/*.test.ts'],
          mockReset: true,
          restoreMocks: true,
        },
      },
      {
        // Svelte compiles the pages' `.svelte.ts` state classes (runes) that the wiring tests drive.
        plugins: [WxtVitest(), svelte()],
        test: {
          name: 'wiring-chrome',
          include: ['test/wiring/**/*.chrome.test.ts', 'test/wiring/**/*.any.test.ts'],
          setupFiles: ['test/wiring/messages-setup.ts'],
          mockReset: true,
          restoreMocks: true,
        },
      },
      {
        // Every POSIX command the extension prints, run in bash (real servers, real Chromium).
        test: {
          name: 'shell',
          include: ['test/shell/**/*.test.ts'],
          testTimeout: 90_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          // One real browser at a time: the machine has two cores.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
