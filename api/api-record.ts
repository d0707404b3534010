import type { QaRecord } from '../src/qa-record.ts';

/** The record fields the API returns, in this order (`thread`, `turn` and `dateTs` stay internal). */
export const API_RECORD_FIELDS = [
  'id', 'question', 'answer', 'answerHtml', 'asker', 'issue', 'issueUrl', 'projects', 'projectSource',
  'projectConfidence', 'followup', 'context', 'date', 'year', 'title', 'source', 'url', 'kind', 'lang',
] as const satisfies readonly (keyof QaRecord)[];

/** A record as the API returns it. */
export type ApiRecord = Pick<QaRecord, (typeof API_RECORD_FIELDS)[number]>;

/** Pick the API fields of a stored document (missing ones become null, never undefined). */
export function toApiRecord(document: Partial<QaRecord>): ApiRecord {
  const record: Record<string, unknown> = {};
  for (const field of API_RECORD_FIELDS) record[field] = document[field] ?? null;
  return record as unknown as ApiRecord;
}
