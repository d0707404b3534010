import { getPageApiBase, sendClick } from '../core/create-insights-client.ts';
import { getQuestionSuffix } from '../core/search-params.ts';
import type { SearchHit } from '../core/api-types.ts';
import { pickInsightTranslations } from '../core/insight-translations.ts';
import { createFeedbackButtons } from './create-feedback-buttons.ts';

/**
 * What the insights add to a rendered result: the permalink carries the query (the answer page
 * links back to it), opening the result (its link, or expanding its answer) records a click
 * with its position, the expanded answer gets the 👍/👎 buttons, and expanding shows the whole
 * question (cut to 3 lines otherwise, by CSS).
 */
export function enhanceHit(item: HTMLLIElement, hit: SearchHit, context: { query: string; position: number }): HTMLLIElement {
  const baseUrl = getPageApiBase();
  const it = pickInsightTranslations(navigator.languages);
  let clicked = false;
  const click = () => {
    if (clicked || !context.query) return;
    clicked = true;
    sendClick(baseUrl, { id: hit.id, position: context.position, query: context.query });
  };
  const link = item.querySelector<HTMLAnchorElement>('.question a');
  if (link && context.query) link.href = `${link.pathname}${getQuestionSuffix(context.query)}`;
  link?.addEventListener('click', click);
  const permalink = () => item.querySelector<HTMLAnchorElement>('a.permalink');
  const toggle = item.querySelector<HTMLButtonElement>('button.expand');
  const answer = item.querySelector<HTMLElement>('.answer');
  toggle?.addEventListener('click', () => {
    const open = toggle.getAttribute('aria-expanded') === 'true';
    item.classList.toggle('is-expanded', open);
    if (!open || !answer) return;
    click();
    const anchor = permalink();
    if (anchor && context.query && !anchor.search) anchor.href = `${anchor.pathname}${getQuestionSuffix(context.query)}`;
    if (!answer.querySelector('.feedback')) answer.append(createFeedbackButtons({ baseUrl, id: hit.id, query: context.query, it }));
  });
  return item;
}
