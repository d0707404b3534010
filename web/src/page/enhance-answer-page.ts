import { getPageApiBase } from '../core/create-insights-client.ts';
import { pickInsightTranslations } from '../core/insight-translations.ts';
import type { Translations } from '../core/translations.ts';
import { h } from '../dom/h.ts';
import { createCopyButton } from './create-copy-button.ts';
import { createFeedbackButtons } from './create-feedback-buttons.ts';
import { getPermalink } from './render-record-meta.ts';

/**
 * The server-rendered answer page (`/qa/:id`), enhanced: copy buttons for the answer and the
 * link, and the 👍/👎 buttons. The page reads fully without this.
 */
export function enhanceAnswerPage(root: HTMLElement, t: Translations): void {
  const id = root.dataset.id ?? '';
  const query = root.dataset.query ?? '';
  const actions = root.querySelector<HTMLElement>('.qa-record .actions');
  const answer = root.querySelector<HTMLElement>('.qa-record .answer-body');
  if (!id || !actions || !answer) return;
  const announcer = h('p', { class: 'visually-hidden', 'aria-live': 'polite' });
  const announce = (message: string) => {
    announcer.textContent = message;
  };
  actions.append(
    createCopyButton(t.copyAnswer, () => answer.innerText, t, announce),
    createCopyButton(t.copyLink, () => getPermalink(id), t, announce),
  );
  actions.after(createFeedbackButtons({ baseUrl: getPageApiBase(), id, query, it: pickInsightTranslations(navigator.languages) }), announcer);
}
