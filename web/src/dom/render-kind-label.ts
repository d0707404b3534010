import type { ApiRecord } from '../core/api-types.ts';
import type { Translations } from '../core/translations.ts';
import { h } from './h.ts';

/**
 * Where an answer comes from ("FAQ", "Weekly" / "周报"): a small label on a hit, from
 * `record.kind` (a kind with no translation shows its name); nothing for a record without one
 * (an index built before kinds existed).
 */
export function renderKindLabel(record: Pick<ApiRecord, 'kind'>, t: Pick<Translations, 'kinds'>): HTMLElement | null {
  if (!record.kind) return null;
  return h('span', { class: `kind kind-${record.kind}` }, t.kinds[record.kind] ?? record.kind);
}
