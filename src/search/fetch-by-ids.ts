import type { Index, RecordAny, SearchResponse } from 'meilisearch';
import { API_RECORD_FIELDS } from '../contract/api-record.ts';
import { FILTER_FIELDS, anyOf } from './build-filter.ts';
import { toSearchIndex, type SearchIndex } from './search-index.ts';

/**
 * The documents of `ids` (their API fields), in one search filtered on `id`: the page's
 * documents that no term search brought whole. Any order; unknown ids are left out.
 *
 * @see https://www.meilisearch.com/docs/reference/api/search
 */
export async function fetchByIds<T extends RecordAny>(index: Index<RecordAny> | SearchIndex, ids: readonly string[]): Promise<T[]> {
  const filter = anyOf(FILTER_FIELDS.id, ids);
  if (!filter) return [];
  const { uid, transport } = toSearchIndex(index);
  const body = JSON.stringify({ q: '', filter, limit: ids.length, attributesToRetrieve: API_RECORD_FIELDS });
  const fetched = (await transport.post(`indexes/${encodeURIComponent(uid)}/search`, body)) as SearchResponse<T>;
  return fetched.hits;
}
