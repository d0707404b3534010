import type { Index, MultiSearchQuery, MultiSearchResponse, RecordAny, SearchResponse } from 'meilisearch';
import { toSearchIndex, type SearchIndex } from './search-index.ts';

/**
 * Send `queries` as `requests` multi-search requests at once, dealt round-robin so that each
 * gets its share of the term searches, and return the answers in the order of `queries`. The
 * only step of a search that talks to Meilisearch (with `fetchByIds`). An idle Meilisearch
 * answers each request on a thread of its own, so two requests halve its part of the latency;
 * on a busy server they only add per-request overhead (the caller decides).
 *
 * @see https://www.meilisearch.com/docs/reference/api/multi_search
 */
export async function sendMultiSearch<T extends RecordAny>(index: Index<RecordAny> | SearchIndex, queries: readonly MultiSearchQuery[], requests = 1): Promise<SearchResponse<T>[]> {
  if (queries.length === 0) return [];
  const { transport } = toSearchIndex(index);
  const parts = Math.max(1, Math.min(Math.floor(requests), queries.length));
  const chunks: MultiSearchQuery[][] = Array.from({ length: parts }, () => []);
  queries.forEach((query, i) => chunks[i % parts]!.push(query));
  const responses = await Promise.all(chunks.map((chunk) => transport.post('multi-search', JSON.stringify({ queries: chunk })) as Promise<MultiSearchResponse<T>>));
  return queries.map((_, i) => responses[i % parts]!.results[Math.floor(i / parts)] as SearchResponse<T>);
}
