import { sendFeedback } from '../core/create-insights-client.ts';
import type { InsightTranslations } from '../core/insight-translations.ts';
import { h } from '../dom/h.ts';

/**
 * "这个回答有帮助吗？ 👍 👎" under an opened answer. The pressed button shows as pressed
 * (`aria-pressed`); pressing the other one changes the vote (the API keeps one per session).
 */
export function createFeedbackButtons(options: { baseUrl: string; id: string; query: string; it: InsightTranslations }): HTMLElement {
  const { it } = options;
  const message = h('span', { class: 'feedback-message', role: 'status', 'aria-live': 'polite' });
  const button = (helpful: boolean) => h('button', {
    type: 'button', class: helpful ? 'feedback-yes' : 'feedback-no', 'aria-pressed': 'false', 'aria-label': helpful ? it.helpfulYes : it.helpfulNo, title: helpful ? it.helpfulYes : it.helpfulNo,
    onclick: async () => {
      yes.setAttribute('aria-pressed', String(helpful));
      no.setAttribute('aria-pressed', String(!helpful));
      const sent = await sendFeedback(options.baseUrl, { id: options.id, helpful, query: options.query });
      message.textContent = sent ? it.helpfulThanks : it.helpfulFailed;
    },
  }, helpful ? '👍' : '👎');
  const yes = button(true);
  const no = button(false);
  return h('div', { class: 'feedback' }, h('span', { class: 'feedback-question' }, it.helpfulQuestion), yes, no, message);
}
