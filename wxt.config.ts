import { defineConfig } from 'wxt';
import { ALL_SITES } from './lib/core/host-access.ts';

export default defineConfig({
  modules: ['@wxt-dev/module-svelte', '@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  // Firefox gets MV3 too (an event page: WXT writes background.scripts for it).
  manifestVersion: 3,
  // Explicit imports only: a reader can always see where a name comes from.
  imports: false,
  // Every browser Port Doctor supports (Chrome 116, Firefox 140) preloads modules itself: no polyfill in the
  // pages' first chunk (scripts/check-sizes.ts).
  vite: () => ({ build: { modulePreload: { polyfill: false } } }),
  webExt: {
    // `npm run dev` opens CHROME_PATH / FIREFOX_PATH, else Debian's paths: the same variables the e2e tests
    // read (test/e2e/support/browsers.ts, which also looks in other common places).
    binaries: {
      chrome: process.env.CHROME_PATH ?? '/usr/bin/chromium',
      firefox: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
    },
  },
  zip: {
    // The Firefox sources zip is what AMO reviewers rebuild from: source only, no local output.
    excludeSources: [
      'docs/screenshots/**',
      'scratch/**',
      'bench/results/**',
      'test-results/**',
      // Scratch copies of the dev servers' apps, left by a run cut short (test/e2e/support/dev-servers.ts).
      'test/dev-servers/.runs/**',
    ],
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    homepage_url: 'https://github.com/port-doctor/port-doctor',
    action: { default_title: '__MSG_extName__' },
    // Each permission is explained in README.md ("Permissions"). Host permissions come from the overlay's
    // `matches` (local hosts only).
    // activeTab: the popup's click lets Port Doctor read that one tab's page once (lib/signals/page-check.ts).
    // dns (Firefox only): whether a name that failed is this machine or the LAN (lib/signals/resolved-local.ts).
    permissions: [
      'storage',
      'webNavigation',
      'scripting',
      'activeTab',
      ...(browser === 'firefox' ? ['dns'] : []),
    ],
    // Asked for by a click, never at install: "notification" as a reaction, "watch requests on all sites",
    // and in Chrome the deeper checks (`webRequest`, which costs every page: lib/state/permissions.ts). Firefox
    // has no webRequest signal for a blocked port, so it does not ask for it.
    optional_permissions: ['notifications', ...(browser === 'firefox' ? [] : ['webRequest'])],
    optional_host_permissions: ALL_SITES,
    // The card fetches its own styles into its shadow root from the page it is in: on any site once "watch
    // requests on all sites" is granted (WXT adds the local hosts itself). Not a fingerprint: Chrome serves it
    // only at a per-session dynamic URL, and Firefox's extension URLs are random per install.
    web_accessible_resources: [
      {
        resources: ['content-scripts/overlay.css'],
        matches: ALL_SITES,
        ...(browser === 'firefox' ? {} : { use_dynamic_url: true }),
      },
    ],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'port-doctor@port-doctor.dev',
              // storage.session and MV3 event pages exist well before this; 140 is the first
              // release that understands data_collection_permissions. Verified in 153 ESR.
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android learned data_collection_permissions in 142.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : { minimum_chrome_version: '116' }),
  }),
});
