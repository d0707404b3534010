import { FACET_FIELDS, buildFilter, type FacetField } from './build-filter.ts';
import type { FacetQuery, MainQuery } from './run-search-queries.ts';
import type { SearchParams } from './search-backend.ts';

/**
 * What Meilisearch is asked for one search: the page of hits with all filters, sorted by date
 * for `newest`/`oldest` (and for an empty query), plus, for each facet with a filter, its counts
 * without its own filter (so the other values stay visible and countable).
 */
export function planSearch(params: SearchParams): { main: MainQuery; facetQueries: FacetQuery[] } {
  const sort = params.sort === 'oldest' ? ['dateTs:asc'] : params.sort === 'newest' || !params.q ? ['dateTs:desc'] : undefined;
  const selected: Record<FacetField, unknown[]> = { projects: params.projects, year: params.years };
  return {
    main: { q: params.q, filter: buildFilter(params), sort, page: params.page, hitsPerPage: params.hitsPerPage, facets: [...FACET_FIELDS], minMatch: params.minMatch },
    facetQueries: FACET_FIELDS.filter((facet) => selected[facet].length > 0).map((facet) => ({ facet, filter: buildFilter(params, { omit: facet }) })),
  };
}
