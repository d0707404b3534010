import type { FacetDistribution, Hit, Meilisearch, MultiSearchQuery } from 'meilisearch';
import type { SearchDocument } from '../src/search/search-document.ts';
import { API_RECORD_FIELDS } from './api-record.ts';
import type { FacetField } from './build-filter.ts';
import { HIGHLIGHT_POST_TAG, HIGHLIGHT_PRE_TAG } from './render-highlight.ts';
import { searchQa, type HitMatch } from '../src/search/search-qa.ts';

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
  minMatch?: 'any' | 'strong' | undefined;
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
  /** How each hit of the page matched, by id. */
  matches: Record<string, HitMatch>;
  strongHits: number;
  detectedProjects: string[];
  searchedFor: string;
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
 * THE query step, the one place that decides how a search becomes Meilisearch queries.
 * The page of hits comes from the relevance pipeline (`searchQa`: one multi-search of term
 * searches ranked by idf, each term's best documents whole, then the page's other documents if
 * any), and so do the facet counts without each facet's own filter, in the same multi-search,
 * so that every count describes the same kind of result set.
 * (`buildMultiSearchQueries` is the plain-Meilisearch form of the same plan, kept for `bench:api`,
 * which compares the API with Meilisearch answering the same queries.)
 *
 * @see https://www.meilisearch.com/docs/reference/api/multi_search
 */
export async function runSearchQueries(
  client: Meilisearch,
  indexUid: string,
  main: MainQuery,
  facetQueries: FacetQuery[],
  options: { multiSearchRequests?: number; synonyms?: Readonly<Record<string, readonly string[]>> } = {},
): Promise<QueryStepResult> {
  const result = await searchQa<SearchDocument>(
    client.index<SearchDocument>(indexUid),
    {
      q: main.q,
      filter: main.filter,
      sort: main.sort,
      page: main.page,
      hitsPerPage: main.hitsPerPage,
      facets: main.facets,
      facetCounts: facetQueries.map((query) => ({ filter: query.filter, facets: [query.facet] })),
      ...(main.minMatch ? { minMatch: main.minMatch } : {}),
    },
    {
      highlightPreTag: HIGHLIGHT_PRE_TAG,
      highlightPostTag: HIGHLIGHT_POST_TAG,
      attributesToRetrieve: API_RECORD_FIELDS,
      multiSearchRequests: options.multiSearchRequests ?? 1,
      ...(options.synonyms ? { synonyms: options.synonyms } : {}),
    },
  );
  return {
    hits: result.hits as Hit<SearchDocument>[],
    totalHits: result.totalHits,
    totalPages: result.totalPages,
    processingTimeMs: result.processingTimeMs,
    facetDistribution: result.facetDistribution ?? {},
    facetCounts: result.facetCounts ?? facetQueries.map(() => ({})),
    matches: result.matches,
    strongHits: result.strongHits,
    detectedProjects: result.detectedProjects,
    searchedFor: result.searchedFor,
  };
}
