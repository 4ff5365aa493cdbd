import { mount, unmount } from 'svelte';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { onOverlayRefresh, send } from '@/lib/messages';
import { OverlayState } from './overlay-state.svelte';
import Card from './Card.svelte';

/** Set in this extension's isolated world while a card lives in the page: a second injection does nothing. */
interface OverlayWindow {
  portDoctorOverlay?: boolean;
}

/** More failures arriving together are shown together: one refresh per burst. */
const BATCH_MS = 150;

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
    const world = window as OverlayWindow;
    if (world.portDoctorOverlay) return;
    world.portDoctorOverlay = true;
    ctx.onInvalidated(() => (world.portDoctorOverlay = false));

    // Listen before anything is awaited: failures that arrive while the card is being built must reach it.
    const state = new OverlayState();
    let ready = false;
    let mounted = false;
    let timer: number | undefined;
    const refresh = async (): Promise<void> => {
      timer = undefined;
      const [entries, preferred] = await Promise.all([
        send('cardEntries', null),
        state.preferred ?? send('preferredPorts', null),
      ]);
      state.preferred = preferred ?? [];
      state.set(entries);
      if (ready && state.visible && !mounted) {
        ui.mount();
        mounted = true;
      }
    };
    const schedule = (): void => {
      timer ??= ctx.setTimeout(() => void refresh(), BATCH_MS);
    };
    ctx.onInvalidated(onOverlayRefresh(schedule));

    const hide = (): void => {
      if (mounted) ui.remove();
      mounted = false;
    };
    // The card is the page's guest, not its tool: in a closed shadow root the page's scripts can neither
    // read it nor reach its buttons (hardening-review.md L1, M2), and every action below asks for a click
    // the browser vouches for.
    const trusted =
      (action: () => void) =>
      (event: Event): void => {
        if (event.isTrusted) action();
      };
    const ui = await createShadowRootUi(ctx, {
      name: 'port-doctor-overlay',
      mode: 'closed',
      position: 'overlay',
      alignment: 'bottom-right',
      zIndex: 2147483647,
      onMount: (container) =>
        mount(Card, {
          target: container,
          props: {
            state,
            onDismiss: trusted(() => {
              state.dismiss();
              hide();
            }),
            onMute: trusted(() => {
              state.mute();
              hide();
              void send('muteSite', null);
            }),
            onExplain: (label: string) => trusted(() => void send('openExplanation', { label })),
          },
        }),
      onRemove: (card) => {
        if (card) void unmount(card);
      },
    });
    ready = true;
    await refresh();
  },
});
