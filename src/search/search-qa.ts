import type { FacetDistribution, Hit, Index, MultiSearchQuery, MultiSearchResponse, RecordAny, SearchResponse } from 'meilisearch';
import { buildQueryVariants, getTermGroup, normalizeQuery, type QueryVariant, type QueryVariantOptions } from './build-query-variants.ts';
import { fuseRankedLists, type RankedList } from './fuse-ranked-lists.ts';
import { highlightTerms } from './highlight-terms.ts';
import { getQueryTerms } from './get-query-terms.ts';
import { rankByTermScores, type TermSearchResult } from './rank-by-term-scores.ts';
import { BIGRAM_ATTRIBUTES } from './relevance-document.ts';
import { HIGHLIGHT_ATTRIBUTES, TEXT_ATTRIBUTES } from './relevance-settings.ts';
import { DEFAULT_MATCH_THRESHOLDS, decideMatch, getMatchScore, type MatchEvidence, type MatchStrength, type MatchThresholds } from './decide-match.ts';
import { getQueryProjects, isProjectWord, type QueryProjects } from './get-query-projects.ts';
import { getIdf } from './rank-by-term-scores.ts';
import { getTermCoverage } from './get-term-coverage.ts';
import { reducePaste } from './reduce-paste.ts';
import type { QueryTerm } from './get-query-terms.ts';

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
  /** `strong`: only the hits that answer the query (`decideMatch`); default: every matching hit. */
  minMatch?: 'strong' | 'any';
}

/** How one hit of the page matched. */
export interface HitMatch {
  match: MatchStrength;
  /** The score the decision rests on (`getMatchScore`), in [0, 1]. */
  score: number;
  evidence: MatchEvidence;
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
  /** How each hit of the page matched, by id (empty for a blank query). */
  matches: Record<string, HitMatch>;
  /** Strong hits among the best candidates of the query (0 for a blank query). */
  strongHits: number;
  /** Projects the query names (`getQueryProjects`), whose hits rank first. */
  detectedProjects: string[];
  /** What was searched for: the query, or what identifies a pasted log in it (`reducePaste`). */
  searchedFor: string;
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
  /**
   * Rank the hits of the projects the query names first, among those matching more of the
   * query than the project's name (default: true).
   */
  projectIntent?: boolean;
  /** Reduce a pasted log or long question to what identifies it (default: true). */
  reducePaste?: boolean;
  /** Thresholds of strong matches (default: `DEFAULT_MATCH_THRESHOLDS`). */
  matchThresholds?: Partial<MatchThresholds>;
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
function rankTermSet(termVariants: readonly QueryVariant[], answers: readonly SearchResponse<RecordAny>[], minRelativeScore: number, skipGroups?: ReadonlySet<string>): { id: string; score: number }[] {
  const termResults: TermSearchResult[] = termVariants.flatMap((variant, i) => {
    const result = answers[i]!;
    if (variant.group && skipGroups?.has(variant.group)) return [];
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
  return scored.filter((doc) => doc.score >= floor);
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
  const thresholds = { ...DEFAULT_MATCH_THRESHOLDS, ...options.matchThresholds };
  const strongOnly = params.minMatch === 'strong';
  // Strong hits are decided among the best `maxRank` candidates: their documents are needed
  // whatever page is asked for.
  const evidenceDepth = thresholds.maxRank;
  const window = Math.min(MAX_TOTAL_HITS, Math.max(options.minCandidates ?? 50, params.page * params.hitsPerPage));
  const termWindow = Math.min(MAX_TOTAL_HITS, Math.max(options.termCandidates ?? 200, window));
  const offset = (params.page - 1) * params.hitsPerPage;
  const pageDepth = Math.max(offset + params.hitsPerPage, evidenceDepth);
  const common = { indexUid: index.uid, ...(params.filter ? { filter: params.filter } : {}) };
  const countRequests = params.facetCounts ?? [];

  const searchedFor = options.reducePaste === false ? params.q : reducePaste(params.q);
  const text = normalizeQuery(searchedFor);
  const terms = getQueryTerms(text);
  const named: QueryProjects = options.projectIntent === false ? { projects: [], words: [] } : getQueryProjects(text);
  const projectGroups = new Set(terms.filter((term) => isProjectWord(term.text, named)).map(getTermGroup));
  const variants = buildQueryVariants(text, { textAttributes: TEXT_ATTRIBUTES, bigramAttributes: BIGRAM_ATTRIBUTES, terms, ...options.variants });
  const termRanking = options.termRanking ?? 'idf';
  // Term searches ranked by idf form one list; the others (whole-query variants, or every
  // search under `rrf`) are lists of their own, with whole documents and highlights.
  const termVariants = termRanking === 'idf' ? variants.filter(isTermSearch) : [];
  const listVariants = variants.filter((variant) => !termVariants.includes(variant));
  const blank = variants.length === 0;
  const sortFields = (params.sort ?? []).map((rule) => rule.split(':')[0] ?? '').filter(Boolean);
  const termFields = [...new Set(['id', ...(named.projects.length > 0 ? ['projects'] : []), ...(params.facets ?? []), ...sortFields])];

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
  // The best documents of each term search, whole: the best candidates (whose strength is
  // decided) and the page are usually among them, which saves a second round trip.
  const prefetch = take(options.prefetchPage === false || blank ? [] : termVariants.map((variant) => ({
    ...variantQuery(variant, common),
    hitsPerPage: pageDepth,
    ...(options.attributesToRetrieve ? { attributesToRetrieve: [...options.attributesToRetrieve] } : {}),
  })));
  const counts = countRequests.map((request) => {
    const countCommon = { indexUid: index.uid, ...(request.filter ? { filter: request.filter } : {}) };
    return blank || termVariants.length === 0
      ? take([{ ...countCommon, q: text, page: 1, hitsPerPage: 0, facets: request.facets }])
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
  const understood = { detectedProjects: named.projects, searchedFor: text };

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
      matches: {},
      strongHits: 0,
      ...understood,
    };
  }

  const fields = indexHits([...pageList(answers), ...termSet(answers)]);
  const lists: RankedList<string>[] = pageList(answers).map((result, i) => ({ items: result.hits.map((hit) => String(hit.id)), weight: listVariants[i]!.weight }));
  const scores = new Map<string, number>();
  if (termVariants.length > 0) {
    const scored = rankTermSet(termVariants, termSet(answers), minRelativeScore);
    for (const doc of scored) scores.set(doc.id, doc.score);
    lists.push({ items: orderByProjectIntent(scored.map((doc) => doc.id), named, fields, termVariants, termSet(answers), projectGroups), weight: 1 });
  }
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
  const prefetched = indexHits(prefetch(answers));
  const addHighlighted = (hit: T) => {
    const formatted: RecordAny = { ...hit };
    for (const field of HIGHLIGHT_ATTRIBUTES) {
      if (typeof hit[field] === 'string') formatted[field] = highlightTerms(hit[field] as string, highlightWords, { preTag, postTag });
    }
    documents.set(String(hit.id), { ...hit, _formatted: formatted as Partial<T> });
  };
  const fetchMissing = async (ids: readonly string[]) => {
    const missing: string[] = [];
    for (const id of ids) {
      if (documents.has(id)) continue;
      const hit = prefetched.get(id);
      if (hit) addHighlighted(hit as T);
      else missing.push(id);
    }
    if (missing.length === 0) return;
    const fetched = (await index.search('', {
      filter: `id IN [${missing.map(quote).join(', ')}]`,
      limit: missing.length,
      ...(options.attributesToRetrieve ? { attributesToRetrieve: [...options.attributesToRetrieve] } : {}),
    }, extraRequestInit)) as SearchResponse<T>;
    for (const hit of fetched.hits) addHighlighted(hit);
  };

  // Strength of the best candidates, in relevance order (before any sort).
  const best = ranked.slice(0, evidenceDepth);
  const pageIdsBySort = (list: string[]) => {
    if (!params.sort?.length) return list;
    const compare = compareBySort(params.sort);
    return list
      .map((id, i) => ({ id, i }))
      .sort((a, b) => compare(fields.get(a.id) ?? {}, fields.get(b.id) ?? {}) || a.i - b.i)
      .map(({ id }) => id);
  };
  // Without `minMatch`, the page is known before strength is: one fetch for both.
  const firstPage = strongOnly ? [] : pageIdsBySort(ranked).slice(offset, offset + params.hitsPerPage);
  await fetchMissing([...best, ...firstPage]);
  const matches: Record<string, HitMatch> = {};
  const topScore = scores.get(best[0] ?? '') ?? 0;
  const weights = getTermWeights(terms, termVariants, termSet(answers), projectGroups);
  const synonyms = options.synonyms;
  const mentioning = getMentioning(termVariants, termSet(answers), projectGroups);
  const informativeScores = new Map(rankTermSet(termVariants, termSet(answers), 0, projectGroups).map((doc) => [doc.id, doc.score]));
  const maxScore = weights.reduce((sum, { weight }) => sum + weight, 0);
  best.forEach((id, rank) => {
    const document = documents.get(id) as RecordAny | undefined;
    if (!document) return;
    const inNamedProject = isAboutNamedProject(document, named, mentioning);
    const evidence: MatchEvidence = {
      coverage: getCoverage(document, weights, inNamedProject || named.projects.length === 0, synonyms),
      // A query of project names only (`jraft`): every hit about the project answers it.
      scoreShare: maxScore > 0 ? Math.min(1, (informativeScores.get(id) ?? 0) / maxScore) : inNamedProject || named.projects.length === 0 ? 1 : 0,
      relativeScore: topScore > 0 ? (scores.get(id) ?? 0) / topScore : 0,
      rank,
      projectNamed: named.projects.length > 0,
      inNamedProject,
    };
    matches[id] = { match: decideMatch(evidence, thresholds), score: getMatchScore(evidence), evidence };
  });
  const strongIds = best.filter((id) => matches[id]?.match === 'strong');
  if (strongOnly) ranked = strongIds;
  ranked = pageIdsBySort(ranked);
  const pageIds = ranked.slice(offset, offset + params.hitsPerPage);
  await fetchMissing(pageIds);
  for (const id of pageIds) matches[id] ??= { match: 'weak', score: 0, evidence: { coverage: 0, scoreShare: 0, relativeScore: topScore > 0 ? (scores.get(id) ?? 0) / topScore : 0, rank: -1, projectNamed: named.projects.length > 0, inNamedProject: false } };

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
            const ids = rankTermSet(termVariants, set, minRelativeScore).map((doc) => doc.id);
            return countOver(strongOnly ? ids.filter((id) => strongIds.includes(id)) : ids, indexHits(set), countRequests[i]!.facets);
          }),
        }
      : {}),
    processingTimeMs,
    variants,
    matches: Object.fromEntries(pageIds.map((id) => [id, matches[id]!])),
    strongHits: strongIds.length,
    ...understood,
  };
}

/** A term's weight in coverage: its idf (the most common of its searches'), 0 for a project name or an unsearched term. */
interface WeightedTerm {
  term: QueryTerm;
  weight: number;
  /** Documents containing each of its bigrams (from its bigram searches). */
  bigramFrequency: Map<string, number>;
  /** Documents the Latin term's own word search found (through a synonym, the dictionary or a typo too). */
  matched: Set<string>;
}

function getTermWeights(terms: readonly QueryTerm[], termVariants: readonly QueryVariant[], answers: readonly SearchResponse<RecordAny>[], projectGroups: ReadonlySet<string>): WeightedTerm[] {
  const documentCount = answers[termVariants.length]?.totalHits ?? 0;
  const frequency = new Map<string, number>();
  const bigramFrequency = new Map<string, Map<string, number>>();
  const matched = new Map<string, Set<string>>();
  termVariants.forEach((variant, i) => {
    // The word search of a Latin term (not its translations): what Meilisearch matched for it.
    if (variant.group && variant.name === `term:${variant.q}` && !/\p{Script=Han}/u.test(variant.q)) {
      matched.set(variant.group, new Set((answers[i]?.hits ?? []).map((hit) => String(hit.id))));
    }
    if (!variant.group) return;
    const df = answers[i]?.totalHits ?? 0;
    frequency.set(variant.group, Math.max(frequency.get(variant.group) ?? 0, df));
    const bigram = /~(.+)$/.exec(variant.name)?.[1];
    if (bigram) {
      const map = bigramFrequency.get(variant.group) ?? new Map<string, number>();
      map.set(bigram, df);
      bigramFrequency.set(variant.group, map);
    }
  });
  return terms.map((term) => {
    const group = getTermGroup(term);
    const df = frequency.get(group);
    return { term, weight: df === undefined || projectGroups.has(group) ? 0 : getIdf(df, documentCount), bigramFrequency: bigramFrequency.get(group) ?? new Map(), matched: matched.get(group) ?? new Set() };
  });
}

/** Idf-weighted share of the informative terms in the document's question, answer and context. */
function getCoverage(document: RecordAny, weights: readonly WeightedTerm[], whenNoTerms: boolean, synonyms?: Readonly<Record<string, readonly string[]>>): number {
  const total = weights.reduce((sum, { weight }) => sum + weight, 0);
  if (total === 0) return whenNoTerms ? 1 : 0;
  const text = ['question', 'answer', 'context'].map((field) => (typeof document[field] === 'string' ? document[field] : '')).join('\n');
  let covered = 0;
  const id = String(document.id);
  for (const { term, weight, bigramFrequency, matched } of weights) {
    if (weight <= 0) continue;
    covered += weight * (term.script === 'latin' && matched.has(id) ? 1 : getTermCoverage(text, term, { bigramFrequency, ...(synonyms ? { synonyms } : {}) }));
  }
  return covered / total;
}

/**
 * Whether a document is about a project the query names: attributed to it, or found by the
 * search for the project's name (its text names it: a post may file a question about SOFABoot
 * under SOFARPC).
 */
function isAboutNamedProject(document: RecordAny, named: QueryProjects, mentioning: ReadonlySet<string>): boolean {
  if (mentioning.has(String(document.id))) return true;
  const projects = Array.isArray(document.projects) ? (document.projects as unknown[]).map(String) : [];
  return named.projects.some((project) => projects.includes(project));
}

/** Ids of the documents found by the searches for the project names of the query. */
function getMentioning(termVariants: readonly QueryVariant[], answers: readonly SearchResponse<RecordAny>[], projectGroups: ReadonlySet<string>): Set<string> {
  const ids = new Set<string>();
  termVariants.forEach((variant, i) => {
    if (variant.group && projectGroups.has(variant.group)) for (const hit of answers[i]?.hits ?? []) ids.add(String(hit.id));
  });
  return ids;
}

/**
 * `ids` (best first) with the hits of the projects the query names first, among those matching
 * some term other than the project's name; the others keep their order after them.
 */
function orderByProjectIntent(ids: string[], named: QueryProjects, fields: Map<string, RecordAny>, termVariants: readonly QueryVariant[], answers: readonly SearchResponse<RecordAny>[], projectGroups: ReadonlySet<string>): string[] {
  if (named.projects.length === 0) return ids;
  const mentioning = getMentioning(termVariants, answers, projectGroups);
  const informative = projectGroups.size > 0 && termVariants.some((variant) => variant.group && !projectGroups.has(variant.group))
    ? new Set(rankTermSet(termVariants, answers, 0, projectGroups).map((doc) => doc.id))
    : undefined;
  const first: string[] = [];
  const rest: string[] = [];
  for (const id of ids) {
    const inProject = isAboutNamedProject({ id, ...fields.get(id) }, named, mentioning);
    (inProject && (!informative || informative.has(id)) ? first : rest).push(id);
  }
  return [...first, ...rest];
}
