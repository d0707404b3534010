import type { QaRecord } from '../qa-record.ts';
import type { Kind, Lang } from './search-constants.ts';

/** The record fields the API returns, in this order (`thread`, `turn` and `dateTs` stay internal). */
export const API_RECORD_FIELDS = [
  'id', 'kind', 'lang', 'question', 'answer', 'answerHtml', 'asker', 'issue', 'issueUrl', 'projects', 'projectSource',
  'projectConfidence', 'followup', 'context', 'date', 'year', 'title', 'source', 'url',
] as const;

/** A record as the API returns it: where it comes from (`kind`) and its language, then the record's own fields. */
export type ApiRecord = { kind: Kind; lang: Lang } & Pick<QaRecord, Exclude<(typeof API_RECORD_FIELDS)[number], 'kind' | 'lang'>>;

/** What a stored document may hold: a record, with `kind` and `lang` when its index has them. */
export type StoredRecord = Partial<QaRecord> & { kind?: Kind; lang?: Lang };

/**
 * Pick the API fields of a stored document (missing ones become null, never undefined). A
 * document without `kind` or `lang` (an index built before FAQ pages) is a Chinese weekly pair.
 */
export function toApiRecord(document: StoredRecord): ApiRecord {
  const record: Record<string, unknown> = {};
  const source = document as Record<string, unknown>;
  for (const field of API_RECORD_FIELDS) record[field] = source[field] ?? null;
  record.kind ??= 'weekly';
  record.lang ??= 'zh';
  return record as ApiRecord;
}
