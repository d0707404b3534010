import type { QaRecord } from '../qa-record.ts';
import { InvalidRecordError } from '../errors/invalid-record-error.ts';

/** A record as stored in Meilisearch: the record plus fields derived for filtering and sorting. */
export interface SearchDocument extends QaRecord {
  /**
   * Post date as unix seconds at 00:00 UTC of `date`: numeric, for range filters and sorting.
   * Absent for an undated record: Meilisearch sorts it after every dated one, both ways, and a
   * date range leaves it out.
   */
  dateTs?: number;
}

/** Unix seconds at 00:00 UTC of a `YYYY-MM-DD` date; null when it is not a real calendar date. */
export function getDateTs(date: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) return null;
  return ms / 1000;
}

/**
 * Map an extracted record to the document loaded into Meilisearch (adds `dateTs` when dated).
 *
 * @throws {InvalidRecordError} when `date` is neither null nor a `YYYY-MM-DD` calendar date.
 */
export function toSearchDocument(record: QaRecord): SearchDocument {
  if (record.date === null) return { ...record };
  const dateTs = getDateTs(record.date);
  if (dateTs === null) throw new InvalidRecordError(record.id, 'date', `expected YYYY-MM-DD, got ${JSON.stringify(record.date)}`);
  return { ...record, dateTs };
}
