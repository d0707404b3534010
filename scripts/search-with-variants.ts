import type { Index, RecordAny } from 'meilisearch';
import { toSearchRequest, type SearchRequest } from '../src/contract/request-schemas.ts';
import type { SearchResult } from '../src/contract/search-result.ts';
import { API_RECORD_FIELDS } from '../src/contract/api-record.ts';
import { buildFilter } from '../src/search/build-filter.ts';
import { buildQueryVariants, normalizeQuery } from '../src/search/build-query-variants.ts';
import { fetchByIds } from '../src/search/fetch-by-ids.ts';
import { fuseRankedLists, type RankedList } from '../src/search/fuse-ranked-lists.ts';
import { TEXT_ATTRIBUTES } from '../src/search/index-settings.ts';
import { answersOf, variantQuery } from '../src/search/plan-search.ts';
import { BIGRAM_ATTRIBUTES } from '../src/search/relevance-document.ts';
import { runSearchQa, type SearchQaOptions } from '../src/search/search-qa.ts';
import { sendMultiSearch } from '../src/search/send-multi-search.ts';
import { toSearchHit } from '../src/search/to-search-hit.ts';
import { isTermSearch, understandQuery } from '../src/search/understand-query.ts';

/**
 * The strategies the relevance experiments compared and the service does not use
 * (`scripts/relevance-report.md`): whole-query variants (`raw`, `topic`, `bigrams`) ranked by
 * Meilisearch and fused with the term ranking by reciprocal rank, or every term search as a
 * list of its own (`termRanking: 'rrf'`). Built from the search core's steps: the core ranks
 * the term searches (`runSearchQa`), this adds the other lists and fuses them. A second
 * round trip for the whole-query variants: experiments measure relevance, not latency.
 */
export interface ExperimentSearchOptions extends SearchQaOptions {
  /** RRF rank offset (default: 60). */
  rrfK?: number;
  /** `idf`: the term searches as one list by idf-weighted scores (the service); `rrf`: each a list of its own. */
  termRanking?: 'idf' | 'rrf';
  /** Candidates per whole-query variant at least (default: 50). */
  minCandidates?: number;
}

/** One search of an experiment, answered as the API answers (hits without match evidence). */
export async function searchWithVariants(index: Index<RecordAny>, partial: Partial<SearchRequest>, options: ExperimentSearchOptions = {}): Promise<SearchResult> {
  const request = toSearchRequest(partial);
  const text = normalizeQuery(request.q);
  const all = buildQueryVariants(text, { textAttributes: TEXT_ATTRIBUTES, bigramAttributes: BIGRAM_ATTRIBUTES, ...options.variants });
  const whole = all.filter((variant) => !isTermSearch(variant));
  const window = Math.min(1000, Math.max(options.minCandidates ?? 50, request.page * request.hitsPerPage));
  if (whole.length === 0 && options.termRanking !== 'rrf') return (await runSearchQa(index, request, options)).result;
  // Without term searches the core would list the index (and count facets an experiment's index may not have).
  const core = understandQuery(request.q, options.variants).termVariants.length > 0
    ? await runSearchQa(index, { ...request, page: 1, hitsPerPage: Math.min(50, window) }, options)
    : undefined;

  const filter = buildFilter(request);
  const common = { indexUid: index.uid, ...(filter ? { filter } : {}) };
  const wholeAnswers = await sendMultiSearch(index, whole.map((variant) => ({ ...variantQuery(variant, common), hitsPerPage: window, attributesToRetrieve: [...API_RECORD_FIELDS] })));
  const lists: RankedList<string>[] = wholeAnswers.map((answer, i) => ({ items: answer.hits.map((hit) => String(hit.id)), weight: whole[i]!.weight }));
  if (core) {
    if (options.termRanking === 'rrf') {
      const termAnswers = answersOf(core.answers, core.plan.termSet);
      core.understood.termVariants.forEach((variant, i) => lists.push({ items: (termAnswers[i]?.hits ?? []).map((hit) => String(hit.id)), weight: variant.weight }));
    } else {
      lists.push({ items: core.ranked, weight: 1 });
    }
  }
  const ranked = fuseRankedLists(lists, { key: (id) => id, k: options.rrfK ?? 60 }).map(({ item }) => item);
  const offset = (request.page - 1) * request.hitsPerPage;
  const pageIds = ranked.slice(offset, offset + request.hitsPerPage);
  const documents = new Map<string, RecordAny>();
  for (const answer of wholeAnswers) for (const hit of answer.hits) documents.set(String(hit.id), hit);
  for (const document of await fetchByIds(index, pageIds.filter((id) => !documents.has(id)))) documents.set(String(document.id), document);
  return {
    query: request.q, processingTimeMs: 0, facets: { projects: {}, years: {}, kinds: {} }, strongHits: 0,
    detectedProject: null, detectedProjects: [], searchedFor: request.q,
    ...core?.result,
    page: request.page,
    hitsPerPage: request.hitsPerPage,
    totalHits: ranked.length,
    totalPages: Math.ceil(ranked.length / request.hitsPerPage),
    hits: pageIds.flatMap((id) => {
      const document = documents.get(id);
      return document ? [toSearchHit(document, [], core?.matches.get(id) ?? { match: 'weak', score: 0 })] : [];
    }),
  };
}
