import type { FacetDistribution, Hit, Index, MultiSearchQuery, MultiSearchResponse, RecordAny, SearchResponse } from 'meilisearch';
import { buildQueryVariants, type QueryVariant, type QueryVariantOptions } from './build-query-variants.ts';
import { fuseRankedLists, type RankedList } from './fuse-ranked-lists.ts';
import { highlightTerms } from './highlight-terms.ts';
import { getQueryTerms } from './get-query-terms.ts';
import { rankByTermScores, type TermSearchResult } from './rank-by-term-scores.ts';
import { BIGRAM_ATTRIBUTES } from './relevance-document.ts';
import { HIGHLIGHT_ATTRIBUTES, TEXT_ATTRIBUTES } from './relevance-settings.ts';

/**
 * Search the Q/A index the way the relevance measurements support: build the query's searches
 * (`buildQueryVariants`), send them as ONE multi-search, combine the term searches by
 * idf-weighted scores (`rankByTermScores`) and fuse that list with the whole-query variants by
 * reciprocal rank (`fuseRankedLists`). Expects an index configured with `getRelevanceSettings`
 * and documents carrying `withRelevanceFields`.
 */

export interface SearchQaParams {
  /** Query as typed; blank lists every document (in index order, or by `sort`). */
  q: string;
  /** Meilisearch filter expression, applied to every search (built by the caller from allow-listed fields). */
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
  /** Hits of the page, best first, with `_formatted` (question, context, answer with `<mark>` highlights; text not HTML-escaped). */
  hits: Hit<T>[];
  query: string;
  page: number;
  hitsPerPage: number;
  /** Documents matching at least one term of the query (exact up to 1000, then a lower bound). */
  totalHits: number;
  totalPages: number;
  /** Facet counts over the documents of the broadest search (undefined when no facets were asked). */
  facetDistribution?: FacetDistribution;
  /** Time Meilisearch spent, summed over the searches. */
  processingTimeMs: number;
  /** The searches sent, for debugging and the relevance report. */
  variants: QueryVariant[];
}

export interface SearchQaOptions {
  /** How the searches are built (default: text and bigram fields of the relevance settings, default specs). */
  variants?: Partial<QueryVariantOptions>;
  /** RRF rank offset (default: 60). */
  rrfK?: number;
  /**
   * How term searches are combined: `idf` into one list by idf-weighted scores
   * (`rankByTermScores`), `rrf` each as a list of its own in the fusion (default: `idf`).
   */
  termRanking?: 'idf' | 'rrf';
  /** Candidates fetched per whole-query variant at least (default: 50). */
  minCandidates?: number;
  /**
   * Fraction of the best term score a document needs to be a result at all (default: 0.25).
   * Applies to the term ranking only; 0 keeps every document matching any term.
   */
  minRelativeScore?: number;
  /**
   * Hits read per term search (ids and facet/sort fields only): its candidates for the term
   * ranking (default: 200). A term in more documents than that is a common one, of low idf;
   * reading all of them (up to 1000) measured no better and costs time on a larger index.
   */
  termCandidates?: number;
  /**
   * Let Meilisearch compress its responses (default: false). Term searches return many ids,
   * and compressing them costs more time than it saves on a loopback connection to the
   * embedded server; turn it on for a remote Meilisearch.
   */
  compressResponses?: boolean;
  /**
   * Ask each term search for its best `page * hitsPerPage` documents whole, so the page rarely
   * needs a second request (default: true).
   */
  prefetchPage?: boolean;
  /** Fields of the page's documents to read (default: all displayed fields). */
  attributesToRetrieve?: readonly string[];
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

/** A Meilisearch filter string value: double-quoted, with `"` and `\` escaped. */
function quote(value: string): string {
  return `"${value.replace(/["\\]/g, '\\$&')}"`;
}

/** Meilisearch-style facet counts of `facets` over `documents` (array values count each element). */
function countFacets(documents: readonly RecordAny[], facets: readonly string[]): FacetDistribution {
  const distribution: FacetDistribution = {};
  for (const facet of facets) {
    const counts: Record<string, number> = {};
    for (const document of documents) {
      const value = document[facet];
      for (const item of Array.isArray(value) ? value : [value]) {
        if (item === undefined || item === null || typeof item === 'object') continue;
        const key = String(item);
        counts[key] = (counts[key] ?? 0) + 1;
      }
    }
    distribution[facet] = counts;
  }
  return distribution;
}

const isTermSearch = (variant: QueryVariant) => variant.kind === 'term' || variant.kind === 'joint' || variant.kind === 'pair';

/**
 * Run `params.q` against `index`: one multi-search of query variants and term searches, fused.
 *
 * Pagination is over the fused list (window: `page * hitsPerPage`, at least `minCandidates`,
 * at most 1000). When the page holds documents that only term searches found (those read ids
 * only), a second search fetches them by id and highlights them here (`highlightTerms`).
 * With `sort`, the fused candidates are ordered by the sort fields (which must be displayed),
 * ties keeping their fused rank.
 *
 * @throws {RangeError} when `page` or `hitsPerPage` is not a positive integer.
 * @throws `MeilisearchApiError` (from the client) when Meilisearch rejects a search, e.g. a bad filter.
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
  const termWindow = Math.min(MAX_TOTAL_HITS, Math.max(options.termCandidates ?? 200, window));
  const offset = (params.page - 1) * params.hitsPerPage;
  const common = {
    indexUid: index.uid,
    ...(params.filter ? { filter: params.filter } : {}),
  };

  let variants = buildQueryVariants(params.q, { textAttributes: TEXT_ATTRIBUTES, bigramAttributes: BIGRAM_ATTRIBUTES, ...options.variants });
  // A blank query lists documents: one plain search.
  if (variants.length === 0) variants = [{ name: 'all', kind: 'raw', q: '', matchingStrategy: 'last', attributesToSearchOn: [], weight: 1 }];
  const hasTerms = variants.some(isTermSearch);
  // Term searches read ids, plus what facets and sorting need of every candidate.
  const sortFields = (params.sort ?? []).map((rule) => rule.split(':')[0] ?? '').filter(Boolean);
  const termFields = [...new Set(['id', ...(params.facets ?? []), ...sortFields])];
  const queries: MultiSearchQuery[] = variants.map((variant) => ({
    ...common,
    q: variant.q,
    matchingStrategy: variant.matchingStrategy,
    ...(variant.attributesToSearchOn.length > 0 ? { attributesToSearchOn: variant.attributesToSearchOn } : {}),
    page: 1,
    ...(isTermSearch(variant)
      ? { hitsPerPage: termWindow, attributesToRetrieve: termFields, showRankingScore: true }
      : {
          hitsPerPage: window,
          ...(params.sort?.length ? { sort: params.sort } : {}),
          ...(params.facets?.length ? { facets: params.facets } : {}),
          attributesToHighlight: [...HIGHLIGHT_ATTRIBUTES],
          highlightPreTag: preTag,
          highlightPostTag: postTag,
        }),
  }));
  // The number of documents the filter leaves: N of the idf.
  if (hasTerms) queries.push({ ...common, q: '', page: 1, hitsPerPage: 0 });
  // The best documents of each term search, whole: the page is almost always among them, which
  // saves a second round trip to fetch it by id (the fetch below remains for the rest).
  const pageDepth = offset + params.hitsPerPage;
  const termVariants = options.prefetchPage === false ? [] : variants.filter(isTermSearch);
  const prefetchStart = queries.length;
  for (const variant of termVariants) {
    queries.push({
      ...common,
      q: variant.q,
      matchingStrategy: variant.matchingStrategy,
      ...(variant.attributesToSearchOn.length > 0 ? { attributesToSearchOn: variant.attributesToSearchOn } : {}),
      page: 1,
      hitsPerPage: pageDepth,
      ...(options.attributesToRetrieve ? { attributesToRetrieve: [...options.attributesToRetrieve] } : {}),
    });
  }
  // `Index` has no multi-search of its own; its HTTP client is the index's connection.
  const extraRequestInit = options.compressResponses ? undefined : { headers: { 'accept-encoding': 'identity' } };
  const response = (await index.httpRequest.post({ path: 'multi-search', body: { queries }, ...(extraRequestInit ? { extraRequestInit } : {}) })) as MultiSearchResponse<T>;
  const results = response.results.slice(0, variants.length);
  const all = hasTerms ? response.results[variants.length] : undefined;

  const idOf = (hit: RecordAny) => String(hit.id);
  const lists: RankedList<string>[] = [];
  const termResults: TermSearchResult[] = [];
  const termRanking = options.termRanking ?? 'idf';
  results.forEach((result, i) => {
    const variant = variants[i]!;
    if (isTermSearch(variant) && termRanking === 'idf') {
      termResults.push({
        documentFrequency: result.totalHits ?? result.hits.length,
        hits: result.hits.map((hit) => ({ id: idOf(hit), score: hit._rankingScore ?? 1 })),
        weight: variant.weight,
        ...(variant.group ? { group: variant.group } : {}),
      });
    } else {
      lists.push({ items: result.hits.map(idOf), weight: variant.weight });
    }
  });
  if (termResults.length > 0) {
    const scored = rankByTermScores(termResults, all?.totalHits ?? 0);
    // The result set: documents scoring at least a fraction of the best one. Without it, a
    // question would "match" every document sharing one common bigram with it, which is noise
    // in totals, facet counts and, above all, in results sorted by date.
    const floor = (scored[0]?.score ?? 0) * (options.minRelativeScore ?? 0.25);
    lists.push({ items: scored.filter((doc) => doc.score >= floor).map((doc) => doc.id), weight: 1 });
  }
  let ranked = fuseRankedLists(lists, { key: (id) => id, k: options.rrfK ?? 60 }).map(({ item }) => item);

  // Full documents come from the whole-query variants; highlights from the first with a mark.
  // Term searches give the facet and sort fields of the other candidates.
  const documents = new Map<string, Hit<T>>();
  const fields = new Map<string, RecordAny>();
  results.forEach((result, i) => {
    const term = isTermSearch(variants[i]!);
    for (const hit of result.hits) {
      const id = idOf(hit);
      if (!fields.has(id)) fields.set(id, hit);
      if (term) continue;
      const current = documents.get(id);
      if (!current || (!hasMark(current, preTag) && hasMark(hit, preTag))) documents.set(id, hit);
    }
  });

  if (params.sort?.length) {
    const compare = compareBySort(params.sort);
    ranked = ranked
      .map((id, i) => ({ id, i }))
      .sort((a, b) => compare(fields.get(a.id) ?? {}, fields.get(b.id) ?? {}) || a.i - b.i)
      .map(({ id }) => id);
  }
  const pageIds = ranked.slice(offset, offset + params.hitsPerPage);
  const prefetched = new Map<string, T>();
  for (const result of response.results.slice(prefetchStart, prefetchStart + termVariants.length)) {
    for (const hit of result.hits) prefetched.set(idOf(hit), hit as T);
  }
  const wanted = pageIds.filter((id) => !documents.has(id));
  const missing = wanted.filter((id) => !prefetched.has(id));
  let words: string[] | undefined;
  const addHighlighted = (hit: T) => {
    words ??= getQueryTerms(params.q).flatMap((term) => [term.text, ...term.translations]);
    const formatted: RecordAny = { ...hit };
    for (const field of HIGHLIGHT_ATTRIBUTES) {
      if (typeof hit[field] === 'string') formatted[field] = highlightTerms(hit[field] as string, words, { preTag, postTag });
    }
    documents.set(idOf(hit), { ...hit, _formatted: formatted as Partial<T> });
  };
  for (const id of wanted) {
    const hit = prefetched.get(id);
    if (hit) addHighlighted(hit);
  }
  if (missing.length > 0) {
    const fetched = (await index.search('', { filter: `id IN [${missing.map(quote).join(', ')}]`, limit: missing.length }, extraRequestInit)) as SearchResponse<T>;
    for (const hit of fetched.hits) addHighlighted(hit);
  }

  // With term searches, a match is a document found by any search: the fused list, whose
  // facets are counted here. Without (a blank query), Meilisearch's own counts.
  const totalHits = hasTerms ? ranked.length : (results[0]?.totalHits ?? ranked.length);
  const facetDistribution = params.facets?.length
    ? hasTerms
      ? countFacets(ranked.map((id) => fields.get(id) ?? {}), params.facets)
      : (results[0]?.facetDistribution ?? {})
    : undefined;
  return {
    hits: pageIds.map((id) => documents.get(id)).filter((hit): hit is Hit<T> => hit !== undefined),
    query: params.q,
    page: params.page,
    hitsPerPage: params.hitsPerPage,
    totalHits,
    totalPages: Math.ceil(totalHits / params.hitsPerPage),
    ...(facetDistribution ? { facetDistribution } : {}),
    processingTimeMs: response.results.reduce((sum, result) => sum + (result.processingTimeMs ?? 0), 0),
    variants,
  };
}
