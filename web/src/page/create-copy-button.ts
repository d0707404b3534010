import type { Translations } from '../core/translations.ts';
import { copyText } from '../dom/copy-text.ts';
import { h } from '../dom/h.ts';

/** A button that copies `getText()` and says so (in the button and to screen readers via `announce`). */
export function createCopyButton(label: string, getText: () => string, t: Translations, announce: (message: string) => void): HTMLButtonElement {
  const button = h('button', { type: 'button', class: 'copy' }, label);
  let timer: ReturnType<typeof setTimeout> | undefined;
  button.addEventListener('click', async () => {
    const ok = await copyText(getText());
    button.textContent = ok ? t.copied : t.copyFailed;
    announce(ok ? `${label}: ${t.copied}` : t.copyFailed);
    clearTimeout(timer);
    timer = setTimeout(() => {
      button.textContent = label;
    }, 2000);
  });
  return button;
}
