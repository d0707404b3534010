import type { FacetDistribution, Hit, Meilisearch, MultiSearchQuery } from 'meilisearch';
import type { SearchDocument } from '../src/search/search-document.ts';
import { API_RECORD_FIELDS } from './api-record.ts';
import type { FacetField } from './build-filter.ts';
import { HIGHLIGHT_POST_TAG, HIGHLIGHT_PRE_TAG } from './render-highlight.ts';

/** Fields highlighted in hits (`SearchHit.highlight`). */
export const HIGHLIGHTED_FIELDS = ['question', 'answer'] as const;

/** The page of hits asked for (same shape as `SearchQaParams` in src/search/search-qa.ts). */
export interface MainQuery {
  q: string;
  filter?: string | undefined;
  sort?: string[] | undefined;
  page: number;
  hitsPerPage: number;
  facets: FacetField[];
}

/** Counts of one facet with that facet's own filter left out. */
export interface FacetQuery {
  facet: FacetField;
  filter?: string | undefined;
}

export interface QueryStepResult {
  /** Hits of the page, with `_formatted` highlighted by `HIGHLIGHT_PRE_TAG`/`HIGHLIGHT_POST_TAG`. */
  hits: Hit<SearchDocument>[];
  totalHits: number;
  totalPages: number;
  processingTimeMs: number;
  facetDistribution: FacetDistribution;
  /** One distribution per `FacetQuery`, in order. */
  facetCounts: FacetDistribution[];
}

/** The Meilisearch queries of one search: the page of hits first, then one count-only query per `FacetQuery`. */
export function buildMultiSearchQueries(indexUid: string, main: MainQuery, facetQueries: FacetQuery[]): MultiSearchQuery[] {
  return [
    {
      indexUid,
      q: main.q,
      ...(main.filter ? { filter: main.filter } : {}),
      ...(main.sort?.length ? { sort: main.sort } : {}),
      page: main.page,
      hitsPerPage: main.hitsPerPage,
      facets: main.facets,
      attributesToRetrieve: [...API_RECORD_FIELDS],
      attributesToHighlight: [...HIGHLIGHTED_FIELDS],
      highlightPreTag: HIGHLIGHT_PRE_TAG,
      highlightPostTag: HIGHLIGHT_POST_TAG,
    },
    ...facetQueries.map((query): MultiSearchQuery => ({
      indexUid,
      q: main.q,
      ...(query.filter ? { filter: query.filter } : {}),
      page: 1,
      hitsPerPage: 0,
      facets: [query.facet],
    })),
  ];
}

/**
 * THE query step, the one place that decides how a search becomes Meilisearch queries:
 * for now a plain search for the page of hits plus one count-only query per filtered facet,
 * all in ONE multi-search (`buildMultiSearchQueries`). (To use the relevance pipeline, replace
 * the main query with `searchQa` from src/search/search-qa.ts here, run beside a multi-search
 * of the facet queries.)
 *
 * @see https://www.meilisearch.com/docs/reference/api/multi_search
 */
export async function runSearchQueries(
  client: Meilisearch,
  indexUid: string,
  main: MainQuery,
  facetQueries: FacetQuery[],
): Promise<QueryStepResult> {
  const queries = buildMultiSearchQueries(indexUid, main, facetQueries);
  const { results } = await client.multiSearch<{ queries: MultiSearchQuery[] }, SearchDocument>({ queries });
  const [first, ...rest] = results;
  if (!first) throw new Error(`runSearchQueries: Meilisearch returned no result for the main query on ${indexUid}`);
  return {
    hits: first.hits,
    totalHits: first.totalHits ?? first.estimatedTotalHits ?? 0,
    totalPages: first.totalPages ?? 0,
    processingTimeMs: Math.max(first.processingTimeMs, ...rest.map((r) => r.processingTimeMs)),
    facetDistribution: first.facetDistribution ?? {},
    facetCounts: rest.map((result) => result.facetDistribution ?? {}),
  };
}
