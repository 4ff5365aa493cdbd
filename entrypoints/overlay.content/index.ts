import { mount, unmount } from 'svelte';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { accepts, drawnAsIs, look, UNSEEN } from '@/lib/view/card-guard';
import { LOCAL_MATCHES } from '@/lib/core/host-access';
import { onOverlayRefresh, send } from '@/lib/protocol/messages';
import { OverlayState } from './overlay-state.svelte';
import Card from './Card.svelte';

/** Set in this extension's isolated world while a card lives in the page: a second injection does nothing. */
interface OverlayWindow {
  portDoctorOverlay?: boolean;
}

/** More failures arriving together are shown together: one refresh per burst. */
const BATCH_MS = 150;

/** IntersectionObserver v2 (Chromium; github.com/w3c/IntersectionObserver, explainer.md): not in lib.dom yet. */
interface VisibilityInit extends IntersectionObserverInit {
  trackVisibility: boolean;
  delay: number;
}
interface VisibilityEntry extends IntersectionObserverEntry {
  /** False while anything covers the card or the page fades, filters or turns it; undefined without v2. */
  readonly isVisible?: boolean;
}

/** Chromium computes `isVisible` at most every `delay` ms; 100 is the least it allows. */
const V2: VisibilityInit = { trackVisibility: true, delay: 100 };

/**
 * The in-page card. Never declared in the manifest: the background injects it into a tab only after one of
 * that page's own requests hit a blocked port, so healthy pages run none of our code.
 */
export default defineContentScript({
  registration: 'runtime',
  // Local hosts only; these become the extension's (only) host permissions.
  matches: LOCAL_MATCHES,
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
    // Against clickjacking (lib/view/card-guard.ts): how long the card has stood still, uncovered. Looked at every
    // 100 ms while it is shown (so that the card says when it takes clicks: `data-armed`), and again at each
    // click, which catches a change since the last look.
    let steady = UNSEEN;
    let card: HTMLElement | undefined;
    /** IntersectionObserver v2's last word; stays undefined in Firefox, which lacks v2. */
    let uncovered: boolean | undefined;
    const glance = (): boolean => {
      const now = performance.now();
      if (card) {
        const chain: CSSStyleDeclaration[] = [];
        let node: Element | null = (card.getRootNode() as ShadowRoot).host;
        for (; node; node = node.parentElement) chain.push(getComputedStyle(node));
        const box = card.getBoundingClientRect();
        const shown = !document.hidden && uncovered !== false && drawnAsIs(chain);
        steady = look(steady, shown, `${box.x} ${box.y} ${box.width} ${box.height}`, now);
      }
      return (state.armed = accepts(steady, now));
    };
    /** Svelte attachment on the card: watches it while it exists, and never past the content script's life. */
    const watch = (element: HTMLElement): (() => void) => {
      card = element;
      // IntersectionObserver v2's `isVisible` is what sees an opaque decoy with `pointer-events: none` over the
      // card: such a decoy is transparent to every hit test a script can make (`elementsFromPoint` included).
      const observer = new IntersectionObserver((entries) => {
        for (const entry of entries as VisibilityEntry[]) uncovered = entry.isVisible;
        glance();
      }, V2);
      observer.observe(element);
      const timer = ctx.setInterval(glance, 100);
      const stop = (): void => {
        observer.disconnect();
        clearInterval(timer);
        card = uncovered = undefined;
        steady = UNSEEN;
      };
      const forget = ctx.onInvalidated(stop);
      return () => {
        forget();
        stop();
      };
    };
    // A tab coming back into view shows the card anew; the 100 ms look may be throttled in a background tab.
    ctx.addEventListener(document, 'visibilitychange', () => void glance());

    // The card is the page's guest, not its tool: in a closed shadow root the page's scripts can neither
    // read it nor press its buttons (a scripted press could open tab after tab or mute the site), and every
    // action below asks for a click the browser vouches for, on a card that has stood still and uncovered
    // for a moment. Keyboard activations (a click with `detail` 0) meet the same rule: it costs a keyboard
    // user nothing (Tab must reach the card first), and a page cannot synthesise them nor move the focus
    // into a closed root, but it can ask the user to press Tab and Enter under a decoy.
    const trusted =
      (action: () => void) =>
      (event: Event): void => {
        if (event.isTrusted && glance()) action();
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
            watch,
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
