import type { MultiSearchQuery } from 'meilisearch';
import { API_RECORD_FIELDS } from '../contract/api-record.ts';
import type { SearchRequest } from '../contract/request-schemas.ts';
import { FACETS, buildFilter, type Facet } from './build-filter.ts';
import { COPY_KEY_FIELD } from './get-copy-key.ts';
import type { QueryVariant } from './build-query-variants.ts';
import type { UnderstoodQuery } from './understand-query.ts';

/** Meilisearch returns at most this many hits per search (its default `pagination.maxTotalHits`). */
export const MAX_TOTAL_HITS = 1000;

/** Where one part of the plan is in the multi-search: `queries.slice(start, end)`. */
export interface PlanPart {
  start: number;
  end: number;
}

/** The Meilisearch queries of one search and where each part of it is. */
export interface SearchPlan {
  queries: MultiSearchQuery[];
  /** Nothing to search for: the plan is a listing (`listing`), counted by Meilisearch. */
  blank: boolean;
  /** Blank: the page of the listing, with the facet counts. */
  listing: PlanPart;
  /** Each term search (ids, facet and sort fields) then the filter's document count (N of the idf). */
  termSet: PlanPart;
  /** Per filtered facet, the same searches under the filter without that facet's own selection. */
  counts: { facet: Facet; part: PlanPart }[];
  /** The Meilisearch sort of the request, e.g. `['dateTs:desc']` (empty: relevance). */
  sort: string[];
  /** Candidates read per term search. */
  termWindow: number;
  /** Strong hits are decided among the best `evidenceDepth` candidates (their documents are fetched whole). */
  evidenceDepth: number;
}

export interface PlanOptions {
  /** Candidates read per term search at least (default: 200); a common term beyond them has a low idf anyway. */
  termCandidates?: number;
  /** Strong hits are decided among the best this many candidates (`MatchThresholds.maxRank`). */
  evidenceDepth: number;
}

/** The Meilisearch sort of a request: by date for `newest`/`oldest` and for the empty query's listing. */
export function getSort(request: Pick<SearchRequest, 'q' | 'sort'>): string[] {
  if (request.sort === 'oldest') return ['dateTs:asc'];
  return request.sort === 'newest' || !request.q ? ['dateTs:desc'] : [];
}

/** The facets with a selection: their counts leave that selection out. */
function filteredFacets(request: SearchRequest): Facet[] {
  return FACETS.filter((facet) => request[facet.parameter].length > 0);
}

/** What every search of `variant` asks, whatever it reads: its text, strategy and fields. */
export function variantQuery(variant: QueryVariant, common: Omit<MultiSearchQuery, 'q'>): MultiSearchQuery {
  return {
    ...common,
    q: variant.q,
    matchingStrategy: variant.matchingStrategy,
    ...(variant.attributesToSearchOn.length > 0 ? { attributesToSearchOn: variant.attributesToSearchOn } : {}),
    page: 1,
  };
}

/**
 * The term searches under one filter (ids and `fields`, with ranking scores), then the filter's
 * document count. Sorted by date, each reads the newest `termWindow` documents holding its term
 * (the index ranks `sort` right after `words`), not the most relevant: otherwise the newest
 * answers of a common word could be left out of a list sorted by date.
 */
function termSetQueries(termVariants: readonly QueryVariant[], common: Omit<MultiSearchQuery, 'q'>, fields: string[], termWindow: number, sort: string[]): MultiSearchQuery[] {
  return [
    ...termVariants.map((variant): MultiSearchQuery => ({
      ...variantQuery(variant, common),
      ...(sort.length ? { sort } : {}),
      hitsPerPage: termWindow,
      attributesToRetrieve: fields,
      showRankingScore: true,
    })),
    { ...common, q: '', page: 1, hitsPerPage: 0 },
  ];
}

/**
 * The one multi-search of a request: which Meilisearch queries it needs, nothing sent. Pure.
 * A blank query (no term to search) is one listing query plus a count query per filtered facet;
 * otherwise the term searches (ids and the few fields ranking, facets and sorting need) and the
 * term searches again under each filtered facet's filter without its own selection (so every
 * count describes the same kind of result set). The documents of the best candidates and the
 * page are fetched by id once they are known (`fetchByIds`): asking every term search for its
 * best documents whole read three times the documents a page needs (measured on the bench
 * queries: 32 documents, 27 KB, per search for 10 hits).
 */
export function planSearch(indexUid: string, request: SearchRequest, understood: UnderstoodQuery, options: PlanOptions): SearchPlan {
  const queries: MultiSearchQuery[] = [];
  const add = (list: MultiSearchQuery[]): PlanPart => {
    const start = queries.length;
    queries.push(...list);
    return { start, end: queries.length };
  };
  const filter = buildFilter(request);
  const common = { indexUid, ...(filter ? { filter } : {}) };
  const sort = getSort(request);
  const facets = filteredFacets(request);
  const commonOf = (facet: Facet) => {
    const countFilter = buildFilter(request, { omit: facet.field });
    return { indexUid, ...(countFilter ? { filter: countFilter } : {}) };
  };
  // Not a function of the page: the candidates, so `totalHits` and every page, are the same
  // whichever page is asked (a window growing with the page read a few more candidates for page
  // 21 than for page 20, which reordered ties: the total changed and hits came back twice).
  const termWindow = Math.min(MAX_TOTAL_HITS, Math.max(options.termCandidates ?? 200, request.hitsPerPage));
  const none: PlanPart = { start: 0, end: 0 };
  const { termVariants } = understood;

  if (termVariants.length === 0) {
    const listing = add([{
      ...common, q: '', page: request.page, hitsPerPage: request.hitsPerPage,
      ...(sort.length ? { sort } : {}),
      facets: FACETS.map((facet) => facet.field),
      attributesToRetrieve: [...API_RECORD_FIELDS],
    }]);
    const counts = facets.map((facet) => ({ facet, part: add([{ ...commonOf(facet), q: '', page: 1, hitsPerPage: 0, facets: [facet.field] }]) }));
    return { queries, blank: true, listing, termSet: none, counts, sort, termWindow, evidenceDepth: options.evidenceDepth };
  }

  const sortFields = sort.map((rule) => rule.split(':')[0] ?? '').filter(Boolean);
  // the copy key: a pair posted twice is listed once, in the results and in the counts (`collapseCopies`)
  const termFields = [...new Set(['id', COPY_KEY_FIELD, ...(understood.named.projects.length > 0 ? ['projects', 'projectMentions'] : []), ...FACETS.map((facet) => facet.field), ...sortFields])];
  const termSet = add(termSetQueries(termVariants, common, termFields, termWindow, sort));
  const counts = facets.map((facet) => ({ facet, part: add(termSetQueries(termVariants, commonOf(facet), ['id', COPY_KEY_FIELD, facet.field], termWindow, sort)) }));
  return { queries, blank: false, listing: none, termSet, counts, sort, termWindow, evidenceDepth: options.evidenceDepth };
}

/** The answers of one part of the plan. */
export function answersOf<T>(answers: readonly T[], part: PlanPart): T[] {
  return answers.slice(part.start, part.end);
}
