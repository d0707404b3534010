import { ApiClientError, type ApiClient } from '../core/api-client.ts';
import type { ApiRecord } from '../core/api-types.ts';
import type { Translations } from '../core/translations.ts';
import { h, replaceChildren } from '../dom/h.ts';
import { renderSafeHtml } from '../dom/render-safe-html.ts';
import { createCopyButton } from './create-copy-button.ts';
import { getPermalink, renderContext, renderRecordMeta } from './render-record-meta.ts';

/** The permalink page of one answer (`GET /qa/:id`): the whole record on its own. */
export function createQaPage(root: HTMLElement, client: ApiClient, id: string, t: Translations): void {
  const status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' }, t.loadingAnswer);
  const announcer = h('p', { class: 'visually-hidden', 'aria-live': 'polite' });
  const main = h('main', { id: 'answer', class: 'qa', tabindex: '-1' }, status);
  replaceChildren(root,
    h('header', { class: 'top' },
      h('a', { class: 'brand', href: '/' }, t.siteTitle),
      h('a', { class: 'back', href: '/' }, t.backToSearch)),
    h('div', { class: 'qa-layout' }, main, announcer));
  const announce = (message: string) => {
    announcer.textContent = message;
  };

  function show(record: ApiRecord): void {
    document.title = `${record.question} – ${t.siteTitle}`;
    replaceChildren(main, h('article', { class: 'qa-record' },
      renderContext(record, t),
      h('h1', { class: 'question' }, record.question),
      renderRecordMeta(record, t),
      h('div', { class: 'answer-body' }, renderSafeHtml(record.answerHtml)),
      h('div', { class: 'actions' },
        createCopyButton(t.copyAnswer, () => record.answer, t, announce),
        createCopyButton(t.copyLink, () => getPermalink(record.id), t, announce))));
  }

  function fail(error: unknown): void {
    const notFound = error instanceof ApiClientError && (error.code === 'not-found' || error.status === 404 || error.status === 400);
    replaceChildren(main, h('div', { class: notFound ? 'empty' : 'error', role: 'alert' },
      h('p', { class: 'error-title' }, notFound ? t.notFound : t.errorTitle),
      notFound ? h('p', null, h('a', { href: '/' }, t.backToSearch)) : h('button', { type: 'button', class: 'retry', onclick: load }, t.retry)));
  }

  function load(): void {
    replaceChildren(main, status);
    client.getRecord(id).then(show, fail);
  }
  load();
}
