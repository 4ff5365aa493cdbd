/**
 * The port the move section recommends, told to the first screen (painted without Svelte: main.ts), so that its
 * "Use port N" names the same port as the commands below.
 */
export const CHOSEN_PORT_EVENT = 'pd:port';

export function tellChosenPort(port: number): void {
  document.dispatchEvent(new CustomEvent(CHOSEN_PORT_EVENT, { detail: port }));
}
