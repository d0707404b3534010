import type { ApiRecord } from '../core/api-types.ts';
import type { Translations } from '../core/translations.ts';
import { h } from './h.ts';

/**
 * Where an answer comes from ("FAQ", "Weekly" / "周报"): a small label on a hit, from
 * `record.kind`; nothing for a record without one (an index built before kinds existed).
 */
export function renderKindLabel(record: Pick<ApiRecord, 'kind'>, t: Pick<Translations, 'kinds'>): HTMLElement | null {
  const label = record.kind ? t.kinds[record.kind] : undefined;
  return label ? h('span', { class: `kind kind-${record.kind}` }, label) : null;
}
