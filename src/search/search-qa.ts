import type { FacetDistribution, Hit, Index, MultiSearchResponse, MultiSearchQuery, RecordAny } from 'meilisearch';
import { buildQueryVariants, type QueryVariant, type QueryVariantOptions } from './build-query-variants.ts';
import { fuseRankedLists } from './fuse-ranked-lists.ts';
import { BIGRAM_ATTRIBUTES } from './relevance-document.ts';
import { HIGHLIGHT_ATTRIBUTES, TEXT_ATTRIBUTES } from './relevance-settings.ts';

/**
 * Search the Q/A index the way the relevance measurements support: build the query variants
 * (`buildQueryVariants`), send them as ONE multi-search, and fuse their hit lists by
 * reciprocal rank (`fuseRankedLists`). Expects an index configured with
 * `getRelevanceSettings` and documents carrying `withRelevanceFields`.
 */

export interface SearchQaParams {
  /** Query as typed; blank lists every document (in index order, or by `sort`). */
  q: string;
  /** Meilisearch filter expression, applied to every variant (built by the caller from allow-listed fields). */
  filter?: string;
  /** Meilisearch sort, e.g. `['dateTs:desc']`: the fused candidates are ordered by it. */
  sort?: string[];
  /** 1-based page. */
  page: number;
  hitsPerPage: number;
  /** Facets to count over the matching documents. */
  facets?: string[];
}

export interface SearchQaResult<T extends RecordAny = RecordAny> {
  /** Hits of the page, best first, each with `_formatted` (`<mark>` highlights) when it matched words. */
  hits: Hit<T>[];
  query: string;
  page: number;
  hitsPerPage: number;
  /** Documents matched by the broadest variant (a lower bound of the union). */
  totalHits: number;
  totalPages: number;
  /** Facet counts of the broadest variant (undefined when no facets were asked). */
  facetDistribution?: FacetDistribution;
  /** Time Meilisearch spent, summed over the variants. */
  processingTimeMs: number;
  /** The variants searched, for debugging and the relevance report. */
  variants: QueryVariant[];
}

export interface SearchQaOptions {
  /** How variants are built (default: text and bigram fields of `relevance-settings.ts`, default specs). */
  variants?: Partial<QueryVariantOptions>;
  /** RRF rank offset (default: 60). */
  rrfK?: number;
  /** Candidates fetched per variant at least, so that fusion sees past the first page (default: 50). */
  minCandidates?: number;
  /** Highlight tags (default: `<mark>` and `</mark>`). */
  highlightPreTag?: string;
  highlightPostTag?: string;
}

/** Meilisearch returns at most this many hits per search (its default `pagination.maxTotalHits`). */
const MAX_TOTAL_HITS = 1000;

function validate(params: SearchQaParams): void {
  if (!Number.isInteger(params.page) || params.page < 1) throw new RangeError(`searchQa: page must be an integer >= 1, got ${params.page}`);
  if (!Number.isInteger(params.hitsPerPage) || params.hitsPerPage < 1) {
    throw new RangeError(`searchQa: hitsPerPage must be an integer >= 1, got ${params.hitsPerPage}`);
  }
}

/** Compare two hits by `sort` rules such as `dateTs:desc` (missing values last). */
function compareBySort(sort: readonly string[]): (a: RecordAny, b: RecordAny) => number {
  const rules = sort.map((rule) => {
    const [field, direction] = rule.split(':');
    return { field: field ?? '', sign: direction === 'desc' ? -1 : 1 };
  });
  return (a, b) => {
    for (const { field, sign } of rules) {
      const x = a[field];
      const y = b[field];
      if (x === y) continue;
      if (x === undefined || x === null) return 1;
      if (y === undefined || y === null) return -1;
      return (x < y ? -1 : 1) * sign;
    }
    return 0;
  };
}

function hasMark(hit: Hit, tag: string): boolean {
  const formatted = hit._formatted as RecordAny | undefined;
  if (!formatted) return false;
  return HIGHLIGHT_ATTRIBUTES.some((field) => typeof formatted[field] === 'string' && (formatted[field] as string).includes(tag));
}

/**
 * Run `params.q` against `index` as one multi-search of query variants fused by reciprocal rank.
 *
 * Pagination is over the fused list: every variant fetches the first `page * hitsPerPage`
 * hits (at least `minCandidates`, at most 1000). `totalHits` and `facetDistribution` come from
 * the variant that matched most documents. With `sort`, the fused candidates are ordered by the
 * sort fields (which must be displayed), ties keeping their fused rank.
 *
 * @throws {RangeError} when `page` or `hitsPerPage` is not a positive integer.
 * @throws `MeilisearchApiError` (from the client) when Meilisearch rejects the search, e.g. a bad filter.
 * @see https://www.meilisearch.com/docs/reference/api/multi_search
 */
export async function searchQa<T extends RecordAny = RecordAny>(
  index: Index<T>,
  params: SearchQaParams,
  options: SearchQaOptions = {},
): Promise<SearchQaResult<T>> {
  validate(params);
  const preTag = options.highlightPreTag ?? '<mark>';
  const postTag = options.highlightPostTag ?? '</mark>';
  const window = Math.min(MAX_TOTAL_HITS, Math.max(options.minCandidates ?? 50, params.page * params.hitsPerPage));
  const offset = (params.page - 1) * params.hitsPerPage;

  let variants = buildQueryVariants(params.q, {
    textAttributes: TEXT_ATTRIBUTES,
    bigramAttributes: BIGRAM_ATTRIBUTES,
    ...options.variants,
  });
  // A blank query lists documents: one plain search.
  if (variants.length === 0) {
    variants = [{ name: 'all', kind: 'raw', q: '', matchingStrategy: 'last', attributesToSearchOn: [], weight: 1 }];
  }

  const queries: MultiSearchQuery[] = variants.map((variant) => ({
    indexUid: index.uid,
    q: variant.q,
    matchingStrategy: variant.matchingStrategy,
    ...(variant.attributesToSearchOn.length > 0 ? { attributesToSearchOn: variant.attributesToSearchOn } : {}),
    ...(params.filter ? { filter: params.filter } : {}),
    ...(params.sort?.length ? { sort: params.sort } : {}),
    ...(params.facets?.length ? { facets: params.facets } : {}),
    page: 1,
    hitsPerPage: window,
    attributesToHighlight: [...HIGHLIGHT_ATTRIBUTES],
    highlightPreTag: preTag,
    highlightPostTag: postTag,
  }));
  // `Index` has no multi-search of its own; its HTTP client is the index's connection.
  const response = (await index.httpRequest.post({ path: 'multi-search', body: { queries } })) as MultiSearchResponse<T>;
  const results = response.results;

  const fused = fuseRankedLists(
    results.map((result, i) => ({ items: result.hits, weight: variants[i]!.weight })),
    { key: (hit) => String((hit as RecordAny).id), k: options.rrfK ?? 60 },
  );
  // Highlights: the first list (in variant order) where the hit's text has a mark.
  const byId = new Map<string, Hit<T>>();
  for (const result of results) {
    for (const hit of result.hits) {
      const id = String((hit as RecordAny).id);
      const current = byId.get(id);
      if (!current || (!hasMark(current, preTag) && hasMark(hit, preTag))) byId.set(id, hit);
    }
  }
  let ranked = fused.map(({ item }) => byId.get(String((item as RecordAny).id)) ?? item);
  if (params.sort?.length) {
    const compare = compareBySort(params.sort);
    ranked = ranked.map((hit, i) => ({ hit, i })).sort((a, b) => compare(a.hit, b.hit) || a.i - b.i).map(({ hit }) => hit);
  }

  let broadest = results[0];
  for (const result of results) if ((result.totalHits ?? 0) > (broadest?.totalHits ?? 0)) broadest = result;
  const totalHits = Math.max(broadest?.totalHits ?? 0, Math.min(ranked.length, MAX_TOTAL_HITS));
  return {
    hits: ranked.slice(offset, offset + params.hitsPerPage),
    query: params.q,
    page: params.page,
    hitsPerPage: params.hitsPerPage,
    totalHits,
    totalPages: Math.ceil(totalHits / params.hitsPerPage),
    ...(params.facets?.length ? { facetDistribution: broadest?.facetDistribution ?? {} } : {}),
    processingTimeMs: results.reduce((sum, result) => sum + (result.processingTimeMs ?? 0), 0),
    variants,
  };
}
