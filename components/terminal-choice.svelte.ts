import { browser } from 'wxt/browser';
import { terminalFromPlatform, type Terminal } from '@/lib/commands/terminal';

/**
 * The terminal whose commands a page shows first, shared by every command block of the page. It starts from
 * navigator.platform (at once) and settles on runtime.getPlatformInfo(), unless the user has picked one meanwhile.
 */
export class TerminalChoice {
  current = $state<Terminal>(terminalFromPlatform(navigator.platform));
  #picked = false;

  constructor() {
    browser.runtime.getPlatformInfo().then(
      (info) => {
        if (!this.#picked) this.current = terminalFromPlatform(info.os);
      },
      // No platform info (never seen): the navigator's guess stays.
      () => undefined,
    );
  }

  pick(terminal: Terminal): void {
    this.#picked = true;
    this.current = terminal;
  }
}
