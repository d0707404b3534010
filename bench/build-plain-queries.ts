import type { MultiSearchQuery } from 'meilisearch';
import { API_RECORD_FIELDS } from '../src/contract/api-record.ts';
import type { SearchRequest } from '../src/contract/request-schemas.ts';
import { FACETS, buildFilter } from '../src/search/build-filter.ts';
import { getSort } from '../src/search/plan-search.ts';
import { HIGHLIGHT_POST_TAG, HIGHLIGHT_PRE_TAG } from '../src/search/render-highlight.ts';

/**
 * The plain-Meilisearch form of a search, what a bare Meilisearch search costs: the page of
 * hits with highlights and every facet, then a count-only query per filtered facet without its
 * own filter (the benchmark's `meiliPlain` target).
 */
export function buildPlainQueries(indexUid: string, request: SearchRequest): MultiSearchQuery[] {
  const filter = buildFilter(request);
  const sort = getSort(request);
  return [
    {
      indexUid,
      q: request.q,
      ...(filter ? { filter } : {}),
      ...(sort.length ? { sort } : {}),
      page: request.page,
      hitsPerPage: request.hitsPerPage,
      facets: FACETS.map((facet) => facet.field),
      attributesToRetrieve: [...API_RECORD_FIELDS],
      attributesToHighlight: ['question', 'answer'],
      highlightPreTag: HIGHLIGHT_PRE_TAG,
      highlightPostTag: HIGHLIGHT_POST_TAG,
    },
    ...FACETS.filter((facet) => request[facet.parameter].length > 0).map((facet): MultiSearchQuery => {
      const countFilter = buildFilter(request, { omit: facet.field });
      return { indexUid, q: request.q, ...(countFilter ? { filter: countFilter } : {}), page: 1, hitsPerPage: 0, facets: [facet.field] };
    }),
  ];
}
