import { h, replaceChildren } from '../dom/h.ts';

/**
 * Update a facet's checkbox list: one checkbox per value with its count, the checked ones
 * kept even when their count is gone. The list is rebuilt, and focus goes back to the
 * checkbox of the same value, so keyboard users stay where they were.
 */
export function renderFacet(list: HTMLElement, name: string, counts: Record<string, number>, checked: string[], order: (a: string, b: string) => number, onToggle: (value: string, on: boolean) => void): void {
  const focused = list.contains(document.activeElement) ? (document.activeElement as HTMLInputElement).value : null;
  const values = [...new Set([...Object.keys(counts), ...checked])].sort(order);
  replaceChildren(list, values.map((value) => {
    const count = counts[value] ?? 0;
    const input = h('input', { type: 'checkbox', name, value });
    input.checked = checked.includes(value);
    input.addEventListener('change', () => onToggle(value, input.checked));
    return h('li', { class: count ? 'facet-value' : 'facet-value empty' },
      h('label', null, input, h('span', { class: 'facet-name' }, value), ' ', h('span', { class: 'count' }, String(count))));
  }));
  if (focused !== null) list.querySelector<HTMLInputElement>(`input[value="${CSS.escape(focused)}"]`)?.focus();
}
