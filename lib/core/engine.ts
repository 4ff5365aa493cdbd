/** The engines Port Doctor runs in (the port lists know more: lib/ports/blocked.ts). */
export type BrowserEngine = 'chromium' | 'firefox';

/**
 * The engine this build runs in, fixed at build time. Compared as a string: under WXT's Vitest plugin the
 * boolean flags such as import.meta.env.FIREFOX arrive as the strings "true"/"false".
 */
export const CURRENT_ENGINE: BrowserEngine = import.meta.env.BROWSER === 'firefox' ? 'firefox' : 'chromium';

/** Does this engine have the optional deeper checks (lib/state/permissions.ts)? Firefox reports nothing for them. */
export function hasDeeperChecks(engine: BrowserEngine): boolean {
  return engine !== 'firefox';
}
