import type { TopView } from '@/lib/view/explanation';

/** The view last painted into each target, so that painting the same view again changes nothing. */
const painted = new WeakMap<HTMLElement, string>();

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text?: string,
  className?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  // Text from an address is always text: textContent, never markup.
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

/**
 * Paints the explanation's first screen with plain DOM calls, so that it shows before Svelte and the rest of
 * the page have loaded (issue #14: time to explanation). `open` loads an address in this tab.
 */
export function paintTop(target: HTMLElement, view: TopView, open: (url: string) => void): void {
  const signature = JSON.stringify(view);
  if (painted.get(target) === signature) return;
  painted.set(target, signature);
  document.title = view.title;
  const nodes: HTMLElement[] = [element('h1', view.headline), element('p', view.summary, 'summary')];
  if (view.failure) {
    const list = element('dl');
    const url = element('code', view.failure.url);
    url.dataset.testid = 'failed-url';
    list.append(
      element('dt', view.failure.urlLabel),
      wrap(element('dd'), url),
      element('dt', view.failure.codeLabel),
      wrap(element('dd'), element('code', view.failure.code)),
    );
    nodes.push(list);
  }
  if (view.actions.length > 0) {
    const actions = element('div', undefined, 'actions');
    for (const action of view.actions) {
      const button = element('button', action.label, action.primary ? 'primary' : undefined);
      button.type = 'button';
      button.dataset.testid = action.testId;
      button.addEventListener('click', () => ('url' in action ? open(action.url) : jump(action.jump)));
      actions.append(button);
    }
    nodes.push(actions);
  }
  target.replaceChildren(...nodes);
}

/** Takes the user (and the keyboard focus) to a section of the page below: focus() scrolls it into view. */
function jump(id: string): void {
  document.getElementById(id)?.focus();
}

function wrap(parent: HTMLElement, child: HTMLElement): HTMLElement {
  parent.append(child);
  return parent;
}
