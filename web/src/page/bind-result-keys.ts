import { getNextIndex } from '../core/get-next-index.ts';

/**
 * Arrow keys on the search page, as in the widget: ↓ from the search box goes to the first
 * result, ↓/↑ move through the results' links (wrapping), ↑ from the first goes back to the box.
 * Enter on a result opens it (it is a link). Returns the unbinding function.
 */
export function bindResultKeys(root: HTMLElement, input: HTMLInputElement): () => void {
  // The related hits folded in a closed <details> cannot take focus: the arrows skip them.
  const links = () => Array.from(root.querySelectorAll<HTMLAnchorElement>('.hits .hit .question a')).filter((a) => !a.closest('details:not([open])'));
  const onKeyDown = (event: KeyboardEvent) => {
    if ((event.key !== 'ArrowDown' && event.key !== 'ArrowUp') || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey || event.isComposing) return;
    const list = links();
    if (!list.length) return;
    const target = event.target as HTMLElement | null;
    const current = list.indexOf(target as HTMLAnchorElement);
    if (target !== input && current < 0) return;
    event.preventDefault();
    if (target === input) {
      if (event.key === 'ArrowDown') list[0]!.focus();
      return;
    }
    if (event.key === 'ArrowUp' && current === 0) {
      input.focus();
      return;
    }
    const next = getNextIndex(current, event.key === 'ArrowDown' ? 1 : -1, list.length);
    list[next]?.focus();
    list[next]?.closest('.hit')?.scrollIntoView?.({ block: 'nearest' });
  };
  root.addEventListener('keydown', onKeyDown);
  return () => root.removeEventListener('keydown', onKeyDown);
}
