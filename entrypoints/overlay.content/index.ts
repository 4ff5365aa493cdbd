import { mount, unmount } from 'svelte';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { send, onOverlayRefresh } from '@/lib/messages';
import { OverlayState } from './overlay-state.svelte';
import Card from './Card.svelte';

/**
 * The in-page card. Never declared in the manifest: the background injects it into a tab only after one of
 * that page's own requests hit a blocked port, so healthy pages run none of our code.
 */
export default defineContentScript({
  registration: 'runtime',
  // Local hosts only; these become the extension's (only) host permissions.
  matches: [
    'http://localhost/*',
    'https://localhost/*',
    'http://127.0.0.1/*',
    'https://127.0.0.1/*',
    'http://[::1]/*',
    'https://[::1]/*',
  ],
  cssInjectionMode: 'ui',
  async main(ctx) {
    const state = new OverlayState();
    const refresh = async (): Promise<void> => state.set(await send('tabFailures', null));
    ctx.onInvalidated(onOverlayRefresh(() => void refresh()));

    const ui = await createShadowRootUi(ctx, {
      name: 'port-doctor-overlay',
      position: 'overlay',
      alignment: 'bottom-right',
      zIndex: 2147483647,
      onMount: (container) =>
        mount(Card, { target: container, props: { state, onDismiss: () => ui.remove() } }),
      onRemove: (card) => {
        if (card) void unmount(card);
      },
    });
    await refresh();
    ui.mount();
  },
});
