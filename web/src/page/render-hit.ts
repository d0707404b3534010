import type { SearchHit } from '../core/api-types.ts';
import type { Translations } from '../core/translations.ts';
import { h } from '../dom/h.ts';
import { renderMarked, renderSnippet } from '../dom/render-marked.ts';
import { renderSafeHtml } from '../dom/render-safe-html.ts';
import { createCopyButton } from './create-copy-button.ts';
import { getPermalink, renderAlsoIn, renderContext, renderRecordMeta } from './render-record-meta.ts';

/**
 * One result: the question and a snippet of the answer with the matched words marked, the
 * thread context of a follow-up, the metadata, and a button that expands the full answer
 * (sanitized `answerHtml`) with copy buttons and the permalink.
 */
export function renderHit(hit: SearchHit, index: number, t: Translations, announce: (message: string) => void): HTMLLIElement {
  const domId = `hit-${index}`;
  const permalink = getPermalink(hit.id);
  const path = `/qa/${encodeURIComponent(hit.id)}`;
  const answer = h('div', { id: `${domId}-answer`, class: 'answer', hidden: true });
  const toggle = h('button', { type: 'button', class: 'expand', 'aria-expanded': 'false', 'aria-controls': answer.id }, t.showAnswer);
  let built = false;
  toggle.addEventListener('click', () => {
    const open = toggle.getAttribute('aria-expanded') !== 'true';
    if (open && !built) {
      built = true;
      answer.append(
        h('div', { class: 'answer-body' }, renderSafeHtml(hit.answerHtml)),
        h('div', { class: 'actions' },
          createCopyButton(t.copyAnswer, () => hit.answer, t, announce),
          createCopyButton(t.copyLink, () => permalink, t, announce),
          h('a', { class: 'permalink', href: path }, t.permalink)),
      );
    }
    answer.hidden = !open;
    toggle.setAttribute('aria-expanded', String(open));
    toggle.textContent = open ? t.hideAnswer : t.showAnswer;
  });
  return h('li', { class: 'hit' },
    h('article', { 'aria-labelledby': `${domId}-q` },
      h('h2', { class: 'question', id: `${domId}-q` }, h('a', { href: path }, renderMarked(hit.highlight.question))),
      renderContext(hit, t),
      h('p', { class: 'snippet' }, renderSnippet(hit.highlight.answer, 220)),
      renderRecordMeta(hit, t),
      renderAlsoIn(hit.alsoIn, t),
      toggle,
      answer));
}
