import type { ApiRecord, SearchHit } from '../core/api-types.ts';
import { getSafeUrl } from '../core/get-safe-url.ts';
import type { Translations } from '../core/translations.ts';
import { h } from '../dom/h.ts';
import { renderKindLabel } from '../dom/render-kind-label.ts';

/** Where it comes from, projects, date, asker and source link of a record (all as text). */
export function renderRecordMeta(record: ApiRecord, t: Translations): HTMLElement {
  const source = getSafeUrl(record.url);
  const parts: (Node | string)[] = [];
  const kind = renderKindLabel(record, t);
  if (kind) parts.push(kind);
  if (record.projects.length) parts.push(h('span', { class: 'tags' }, record.projects.map((p) => h('span', { class: 'tag' }, p))));
  if (record.date) parts.push(h('time', { datetime: record.date }, record.date));
  if (record.asker) parts.push(h('span', { class: 'asker' }, t.askedBy(record.asker)));
  const issue = getSafeUrl(record.issueUrl);
  if (issue) parts.push(h('a', { class: 'issue', href: issue, rel: 'noopener noreferrer', target: '_blank' }, `GitHub #${record.issue ?? ''}`));
  if (source) parts.push(h('a', { class: 'source', href: source, rel: 'noopener noreferrer', target: '_blank' }, t.source(record.title || record.url)));
  return h('p', { class: 'meta' }, parts);
}

/** "Also in: 2022-02-11" with a link to each other weekly post that holds the same pair, or null. */
export function renderAlsoIn(copies: SearchHit['alsoIn'], t: Translations): HTMLElement | null {
  const links = copies.flatMap((copy) => {
    const url = getSafeUrl(copy.url);
    return url ? [h('a', { href: url, title: copy.title, rel: 'noopener noreferrer', target: '_blank' }, copy.date ?? copy.title)] : [];
  });
  if (!links.length) return null;
  return h('p', { class: 'also-in' }, t.alsoIn, ' ', links.flatMap((link, i) => (i ? [', ', link] : [link])));
}

/** "Follow-up to: …" with the thread's earlier question(s), for follow-ups. */
export function renderContext(record: ApiRecord, t: Translations): HTMLElement | null {
  if (!record.followup || !record.context) return null;
  return h('p', { class: 'context' }, h('span', { class: 'context-label' }, t.followupOf), ' ', record.context);
}

/** The permalink of a record on this site. */
export function getPermalink(id: string, origin = location.origin): string {
  return `${origin}/qa/${encodeURIComponent(id)}`;
}
