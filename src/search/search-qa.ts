import type { FacetDistribution, Hit, Index, MultiSearchQuery, MultiSearchResponse, RecordAny, SearchResponse } from 'meilisearch';
import { buildQueryVariants, normalizeQuery, type QueryVariant, type QueryVariantOptions } from './build-query-variants.ts';
import { fuseRankedLists, type RankedList } from './fuse-ranked-lists.ts';
import { highlightTerms } from './highlight-terms.ts';
import { getQueryTerms } from './get-query-terms.ts';
import { rankByTermScores, type TermSearchResult } from './rank-by-term-scores.ts';
import { BIGRAM_ATTRIBUTES } from './relevance-document.ts';
import { HIGHLIGHT_ATTRIBUTES, TEXT_ATTRIBUTES } from './relevance-settings.ts';

/**
 * Search the Q/A index the way the relevance measurements support: build the query's searches
 * (`buildQueryVariants`), send them as ONE multi-search (or split over a few sent at once,
 * `multiSearchRequests`), combine the term searches by
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
  /**
   * More facet counts of the same query, each under a filter of its own (e.g. with a facet's
   * own selection left out, as faceted search shows it), sent in the same multi-search.
   */
  facetCounts?: FacetCountRequest[];
}

/** Facet counts of the query under another filter than the page's. */
export interface FacetCountRequest {
  filter?: string;
  facets: string[];
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
  /** One distribution per `params.facetCounts` request, in order (absent when none were asked). */
  facetCounts?: FacetDistribution[];
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
  /**
   * Send the searches as this many multi-search requests at once (default: 1). Meilisearch
   * answers each request on a thread of its own, so with idle cores two requests halve its
   * part of the latency; on a busy server they only add per-request overhead.
   */
  multiSearchRequests?: number;
  /** Fields of the page's documents to read (default: all displayed fields). */
  attributesToRetrieve?: readonly string[];
  /**
   * The index's synonyms (as in its settings): a hit found through one (`jraft` ~ `SOFAJRaft`)
   * gets it marked too (default: none).
   */
  synonyms?: Readonly<Record<string, readonly string[]>>;
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

/** What every search of `variant` asks, whatever it reads: its text, strategy and fields. */
function variantQuery(variant: QueryVariant, common: Omit<MultiSearchQuery, 'q'>): MultiSearchQuery {
  return {
    ...common,
    q: variant.q,
    matchingStrategy: variant.matchingStrategy,
    ...(variant.attributesToSearchOn.length > 0 ? { attributesToSearchOn: variant.attributesToSearchOn } : {}),
    page: 1,
  };
}

/**
 * The queries of the term ranking under one filter: every term search (ids and the fields
 * facets and sorting need), then the filter's document count (N of the idf).
 */
function termSetQueries(termVariants: readonly QueryVariant[], common: Omit<MultiSearchQuery, 'q'>, fields: string[], termWindow: number): MultiSearchQuery[] {
  return [
    ...termVariants.map((variant): MultiSearchQuery => ({
      ...variantQuery(variant, common),
      hitsPerPage: termWindow,
      attributesToRetrieve: fields,
      showRankingScore: true,
    })),
    { ...common, q: '', page: 1, hitsPerPage: 0 },
  ];
}

/** The answers of `termSetQueries`, as one list by idf-weighted term scores, cut at `minRelativeScore` of the best. */
function rankTermSet(termVariants: readonly QueryVariant[], answers: readonly SearchResponse<RecordAny>[], minRelativeScore: number): string[] {
  const termResults: TermSearchResult[] = termVariants.map((variant, i) => {
    const result = answers[i]!;
    return {
      documentFrequency: result.totalHits ?? result.hits.length,
      hits: result.hits.map((hit) => ({ id: String(hit.id), score: hit._rankingScore ?? 1 })),
      weight: variant.weight,
      ...(variant.group ? { group: variant.group } : {}),
    };
  });
  const scored = rankByTermScores(termResults, answers[termVariants.length]?.totalHits ?? 0);
  // The result set: documents scoring at least a fraction of the best one. Without it, a
  // question would "match" every document sharing one common bigram with it, which is noise
  // in totals, facet counts and, above all, in results sorted by date.
  const floor = (scored[0]?.score ?? 0) * minRelativeScore;
  return scored.filter((doc) => doc.score >= floor).map((doc) => doc.id);
}

/** Each hit's fields by id (the first answer that has the document wins). */
function indexHits(answers: readonly SearchResponse<RecordAny>[]): Map<string, RecordAny> {
  const fields = new Map<string, RecordAny>();
  for (const answer of answers) for (const hit of answer.hits) if (!fields.has(String(hit.id))) fields.set(String(hit.id), hit);
  return fields;
}

/**
 * Send `queries` as `requests` multi-search requests at once, dealt round-robin so that each
 * gets its share of the term searches, and return the answers in the order of `queries`.
 */
async function sendMultiSearch<T extends RecordAny>(index: Index<T>, queries: readonly MultiSearchQuery[], requests: number, extraRequestInit?: RequestInit): Promise<SearchResponse<T>[]> {
  const parts = Math.max(1, Math.min(Math.floor(requests), queries.length));
  const chunks: MultiSearchQuery[][] = Array.from({ length: parts }, () => []);
  queries.forEach((query, i) => chunks[i % parts]!.push(query));
  // `Index` has no multi-search of its own; its HTTP client is the index's connection.
  const responses = await Promise.all(chunks.map((chunk) =>
    index.httpRequest.post({ path: 'multi-search', body: { queries: chunk }, ...(extraRequestInit ? { extraRequestInit } : {}) }) as Promise<MultiSearchResponse<T>>));
  return queries.map((_, i) => responses[i % parts]!.results[Math.floor(i / parts)] as SearchResponse<T>);
}

/**
 * Run `params.q` against `index`: one multi-search of query variants and term searches, fused.
 *
 * Pagination is over the fused list (window: `page * hitsPerPage`, at least `minCandidates`,
 * at most 1000). Each term search's best documents come whole in the same multi-search; when
 * the page holds others, a second search fetches them by id. Pages are highlighted here
 * (`highlightTerms`) unless a whole-query variant brought Meilisearch's own highlights.
 * With `sort`, the fused candidates are ordered by the sort fields (which must be displayed),
 * ties keeping their fused rank. `facetCounts` are counted over the same kind of result set
 * under their own filters, in the same multi-search.
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
  const minRelativeScore = options.minRelativeScore ?? 0.25;
  const window = Math.min(MAX_TOTAL_HITS, Math.max(options.minCandidates ?? 50, params.page * params.hitsPerPage));
  const termWindow = Math.min(MAX_TOTAL_HITS, Math.max(options.termCandidates ?? 200, window));
  const offset = (params.page - 1) * params.hitsPerPage;
  const pageDepth = offset + params.hitsPerPage;
  const common = { indexUid: index.uid, ...(params.filter ? { filter: params.filter } : {}) };
  const countRequests = params.facetCounts ?? [];

  const terms = getQueryTerms(normalizeQuery(params.q));
  const variants = buildQueryVariants(params.q, { textAttributes: TEXT_ATTRIBUTES, bigramAttributes: BIGRAM_ATTRIBUTES, terms, ...options.variants });
  const termRanking = options.termRanking ?? 'idf';
  // Term searches ranked by idf form one list; the others (whole-query variants, or every
  // search under `rrf`) are lists of their own, with whole documents and highlights.
  const termVariants = termRanking === 'idf' ? variants.filter(isTermSearch) : [];
  const listVariants = variants.filter((variant) => !termVariants.includes(variant));
  const blank = variants.length === 0;
  const sortFields = (params.sort ?? []).map((rule) => rule.split(':')[0] ?? '').filter(Boolean);
  const termFields = [...new Set(['id', ...(params.facets ?? []), ...sortFields])];

  const queries: MultiSearchQuery[] = [];
  const take = (list: MultiSearchQuery[]) => {
    const start = queries.length;
    queries.push(...list);
    return (answers: readonly SearchResponse<T>[]) => answers.slice(start, start + list.length);
  };
  // A blank query lists documents: one plain search, counted by Meilisearch.
  const pageList = blank
    ? take([{
        ...common, q: '', page: params.page, hitsPerPage: params.hitsPerPage,
        ...(params.sort?.length ? { sort: params.sort } : {}),
        ...(params.facets?.length ? { facets: params.facets } : {}),
        ...(options.attributesToRetrieve ? { attributesToRetrieve: [...options.attributesToRetrieve] } : {}),
      }])
    : take(listVariants.map((variant) => ({
        ...variantQuery(variant, common),
        ...(isTermSearch(variant) ? { hitsPerPage: termWindow, attributesToRetrieve: termFields, showRankingScore: true } : {
          hitsPerPage: window,
          ...(params.sort?.length ? { sort: params.sort } : {}),
          attributesToHighlight: [...HIGHLIGHT_ATTRIBUTES],
          highlightPreTag: preTag,
          highlightPostTag: postTag,
        }),
      })));
  const termSet = take(termVariants.length > 0 ? termSetQueries(termVariants, common, termFields, termWindow) : []);
  // The best documents of each term search, whole (in the sort's order when there is one): the
  // page is usually among them, which saves a second round trip to fetch it by id.
  const prefetch = take(options.prefetchPage === false || blank ? [] : termVariants.map((variant) => ({
    ...variantQuery(variant, common),
    ...(params.sort?.length ? { sort: params.sort } : {}),
    hitsPerPage: pageDepth,
    ...(options.attributesToRetrieve ? { attributesToRetrieve: [...options.attributesToRetrieve] } : {}),
  })));
  const counts = countRequests.map((request) => {
    const countCommon = { indexUid: index.uid, ...(request.filter ? { filter: request.filter } : {}) };
    return blank || termVariants.length === 0
      ? take([{ ...countCommon, q: params.q, page: 1, hitsPerPage: 0, facets: request.facets }])
      : take(termSetQueries(termVariants, countCommon, [...new Set(['id', ...request.facets])], termWindow));
  });

  const extraRequestInit = options.compressResponses ? undefined : { headers: { 'accept-encoding': 'identity' } };
  const answers = await sendMultiSearch<T>(index, queries, options.multiSearchRequests ?? 1, extraRequestInit);
  const processingTimeMs = answers.reduce((sum, result) => sum + (result.processingTimeMs ?? 0), 0);
  // Synonyms of the words typed, one-word ones only: the words of a phrase synonym would each be
  // marked on their own (`leader` of `leader election` wherever it stands).
  const highlightWords = terms.flatMap((term) => [
    term.text,
    ...term.translations,
    ...(options.synonyms?.[term.text.toLowerCase()] ?? []).filter((synonym) => !/\s/.test(synonym.trim())),
  ]);

  if (blank) {
    const [only] = pageList(answers);
    const totalHits = only?.totalHits ?? 0;
    return {
      hits: (only?.hits ?? []).map((hit) => ({ ...hit, _formatted: { ...hit } })) as Hit<T>[],
      query: params.q, page: params.page, hitsPerPage: params.hitsPerPage,
      totalHits, totalPages: Math.ceil(totalHits / params.hitsPerPage),
      ...(params.facets?.length ? { facetDistribution: only?.facetDistribution ?? {} } : {}),
      ...(countRequests.length ? { facetCounts: counts.map((answersOf) => answersOf(answers)[0]?.facetDistribution ?? {}) } : {}),
      processingTimeMs,
      variants,
    };
  }

  const lists: RankedList<string>[] = pageList(answers).map((result, i) => ({ items: result.hits.map((hit) => String(hit.id)), weight: listVariants[i]!.weight }));
  if (termVariants.length > 0) lists.push({ items: rankTermSet(termVariants, termSet(answers), minRelativeScore), weight: 1 });
  let ranked = fuseRankedLists(lists, { key: (id) => id, k: options.rrfK ?? 60 }).map(({ item }) => item);

  // Whole documents with Meilisearch's highlights come from the whole-query variants (the first
  // with a mark wins); facet and sort fields of every candidate from any search.
  const documents = new Map<string, Hit<T>>();
  pageList(answers).forEach((result, i) => {
    if (isTermSearch(listVariants[i]!)) return;
    for (const hit of result.hits) {
      const id = String(hit.id);
      const current = documents.get(id);
      if (!current || (!hasMark(current, preTag) && hasMark(hit, preTag))) documents.set(id, hit);
    }
  });
  const fields = indexHits([...pageList(answers), ...termSet(answers)]);

  if (params.sort?.length) {
    const compare = compareBySort(params.sort);
    ranked = ranked
      .map((id, i) => ({ id, i }))
      .sort((a, b) => compare(fields.get(a.id) ?? {}, fields.get(b.id) ?? {}) || a.i - b.i)
      .map(({ id }) => id);
  }
  const pageIds = ranked.slice(offset, offset + params.hitsPerPage);
  const prefetched = indexHits(prefetch(answers));
  const addHighlighted = (hit: T) => {
    const formatted: RecordAny = { ...hit };
    for (const field of HIGHLIGHT_ATTRIBUTES) {
      if (typeof hit[field] === 'string') formatted[field] = highlightTerms(hit[field] as string, highlightWords, { preTag, postTag });
    }
    documents.set(String(hit.id), { ...hit, _formatted: formatted as Partial<T> });
  };
  const missing: string[] = [];
  for (const id of pageIds) {
    if (documents.has(id)) continue;
    const hit = prefetched.get(id);
    if (hit) addHighlighted(hit as T);
    else missing.push(id);
  }
  if (missing.length > 0) {
    const fetched = (await index.search('', {
      filter: `id IN [${missing.map(quote).join(', ')}]`,
      limit: missing.length,
      ...(options.attributesToRetrieve ? { attributesToRetrieve: [...options.attributesToRetrieve] } : {}),
    }, extraRequestInit)) as SearchResponse<T>;
    for (const hit of fetched.hits) addHighlighted(hit);
  }

  const countOver = (ids: readonly string[], byId: Map<string, RecordAny>, facets: readonly string[]) => countFacets(ids.map((id) => byId.get(id) ?? {}), facets);
  return {
    hits: pageIds.map((id) => documents.get(id)).filter((hit): hit is Hit<T> => hit !== undefined),
    query: params.q,
    page: params.page,
    hitsPerPage: params.hitsPerPage,
    totalHits: ranked.length,
    totalPages: Math.ceil(ranked.length / params.hitsPerPage),
    ...(params.facets?.length ? { facetDistribution: countOver(ranked, fields, params.facets) } : {}),
    ...(countRequests.length
      ? {
          facetCounts: counts.map((answersOf, i) => {
            const set = answersOf(answers);
            return countOver(rankTermSet(termVariants, set, minRelativeScore), indexHits(set), countRequests[i]!.facets);
          }),
        }
      : {}),
    processingTimeMs,
    variants,
  };
}
