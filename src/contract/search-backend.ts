import type { ApiRecord } from './api-record.ts';
import type { SearchRequest } from './request-schemas.ts';
import type { FacetsResult, SearchResult } from './search-result.ts';

export interface BackendHealth {
  /** Meilisearch answered. */
  available: boolean;
  /** Documents in the live index; null when it does not exist or Meilisearch is down. */
  documents: number | null;
  /** Why it is not ready, when it is not. */
  reason?: string;
}

/**
 * What the HTTP layer (the API routes and the server-rendered pages) needs from the search
 * engine. Implementations throw `SearchUnavailableError` when the engine is down, slow or has
 * no index yet.
 */
export interface SearchBackend {
  search(request: SearchRequest): Promise<SearchResult>;
  /** One record, or null when no record has this id. */
  getRecord(id: string): Promise<ApiRecord | null>;
  /** Every project, year and kind with its count, and the number of records. */
  facets(): Promise<FacetsResult>;
  /** Never throws. */
  health(): Promise<BackendHealth>;
}

export type { FacetCounts, FacetsResult, SearchHit, SearchResult } from './search-result.ts';
