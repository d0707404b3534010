import type { ApiRecord } from './api-record.ts';

/** Sort orders of `GET /api/search`. */
export const SORT_ORDERS = ['relevance', 'newest', 'oldest'] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];

/** A validated search request (see `searchQuerySchema`). */
export interface SearchParams {
  /** Query text, trimmed; empty lists everything. */
  q: string;
  /** Canonical project names; several mean any of them. */
  projects: string[];
  /** Years; several mean any of them. */
  years: number[];
  /** Inclusive `YYYY-MM-DD` bounds on the post date. */
  from?: string | undefined;
  to?: string | undefined;
  /** `relevance` with an empty `q` lists newest first. */
  sort: SortOrder;
  /** 1-based. */
  page: number;
  hitsPerPage: number;
  /** `strong`: only hits that answer the query (default: `any`). */
  minMatch?: 'any' | 'strong' | undefined;
}

/** Counts per facet value: `{ projects: { MOSN: 12 }, years: { "2021": 40 } }`. */
export interface FacetCounts {
  projects: Record<string, number>;
  years: Record<string, number>;
}

export interface SearchHit extends ApiRecord {
  /** Matched words in `<mark>`, everything else HTML-escaped: safe to insert as HTML. */
  highlight: { question: string; answer: string };
  /** `strong`: the hit answers the query; `weak`: related at best (`src/search/decide-match.ts`). */
  match: 'strong' | 'weak';
  /** The evidence `match` was decided on, in [0, 1] (0 for a blank query's listing). */
  score: number;
}

export interface SearchResult {
  query: string;
  page: number;
  hitsPerPage: number;
  totalHits: number;
  totalPages: number;
  processingTimeMs: number;
  hits: SearchHit[];
  /** Counts for the query and its filters, except that each facet's own filter is left out of its counts. */
  facets: FacetCounts;
  /** Hits that answer the query (`match: "strong"`), all pages together. */
  strongHits: number;
  /** The project the query names (`jraft` -> SOFAJRaft), whose hits rank first; null when none. */
  detectedProject: string | null;
  /** Every project the query names, in query order. */
  detectedProjects: string[];
  /** What was searched for: `query`, or what identifies a pasted error in it. */
  searchedFor: string;
}

export interface BackendHealth {
  /** Meilisearch answered. */
  available: boolean;
  /** Documents in the live index; null when it does not exist or Meilisearch is down. */
  documents: number | null;
  /** Why it is not ready, when it is not. */
  reason?: string;
}

/**
 * What the HTTP layer needs from the search engine. Implementations throw
 * `SearchUnavailableError` when the engine is down, slow or has no index yet.
 */
export interface SearchBackend {
  search(params: SearchParams): Promise<SearchResult>;
  /** One record, or null when no record has this id. */
  getRecord(id: string): Promise<ApiRecord | null>;
  /** Every project and year with its count, and the number of records. */
  facets(): Promise<FacetCounts & { total: number }>;
  /** Never throws. */
  health(): Promise<BackendHealth>;
}
