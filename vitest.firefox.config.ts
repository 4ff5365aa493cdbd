import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

/** Wiring tests against the Firefox build (import.meta.env.FIREFOX is true); see vitest.config.ts. */
export default defineConfig({
  plugins: [WxtVitest({ browser: 'firefox' })],
  test: {
    name: 'wiring-firefox',
    globalSetup: ['scripts/gen-kinds.ts'],
    include: ['test/wiring/**/*.firefox.test.ts', 'test/wiring/**/*.any.test.ts'],
    setupFiles: ['test/wiring/messages-setup.ts'],
    mockReset: true,
    restoreMocks: true,
  },
});
