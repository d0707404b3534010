import type { Index, RecordAny, SearchResponse } from 'meilisearch';
import type { SearchRequest } from '../contract/request-schemas.ts';
import type { SearchResult } from '../contract/search-result.ts';
import { FACET_FIELDS } from './build-filter.ts';
import { collapseCopies, withCopiesFacets } from './collapse-copies.ts';
import { COPY_KEY_FIELD } from './get-copy-key.ts';
import { getTermGroup, type QueryVariantOptions } from './build-query-variants.ts';
import { countFacets, toFacetCounts } from './count-facets.ts';
import { DEFAULT_MATCH_THRESHOLDS, type MatchThresholds } from './decide-match.ts';
import { decideHits, getTermWeights, type HitMatch } from './decide-hits.ts';
import { EXPANSION_GROUP, getExpansionVariants, type TermAssociations } from './expand-query-terms.ts';
import { fetchByIds } from './fetch-by-ids.ts';
import { getMentioning, getProjectFirst } from './order-by-project-intent.ts';
import { answersOf, planSearch, type SearchPlan } from './plan-search.ts';
import { cutAtRelativeScore, indexHits, orderBySort, rankTermSet } from './rank-term-set.ts';
import { rerankByQuestion } from './rerank-by-question.ts';
import { toSearchIndex, type SearchIndex } from './search-index.ts';
import { sendMultiSearch } from './send-multi-search.ts';
import { toSearchHit } from './to-search-hit.ts';
import { understandQuery, type UnderstoodQuery } from './understand-query.ts';
import { getOwnEntry } from './get-own-entry.ts';

/**
 * Search the Q/A index: understand the query (`understandQuery`), plan its one multi-search
 * (`planSearch`), send it (`sendMultiSearch`), rank the candidates by idf-weighted term scores
 * (`rankTermSet`) with the named project's hits first (`getProjectFirst`), rerank the best by how
 * their questions match (`rerankByQuestion`), decide which of
 * the best answer the query (`decideHits`) once their documents are fetched (`fetchByIds`), find
 * the copies of a pair posted twice (`collapseCopies`: listed once with `copies: fold`), and
 * present the page (`toSearchHit`, `countFacets`).
 * Expects an index configured with `getIndexSettings` and documents from `toIndexDocument`.
 */

export interface SearchQaOptions {
  /**
   * Send the multi-search as this many requests at once (default: 1): an idle Meilisearch
   * answers them on separate threads; a busy one only gets more per-request work.
   */
  multiSearchRequests?: number;
  /** The index's synonyms: a hit found through one (`jraft` ~ `SOFAJRaft`) gets it marked too (default: none). */
  synonyms?: Readonly<Record<string, readonly string[]>>;
  /** Thresholds of strong matches (default: `DEFAULT_MATCH_THRESHOLDS`). */
  matchThresholds?: Partial<MatchThresholds>;
  /** Candidates read per term search (default: 200). */
  termCandidates?: number;
  /** Fraction of the best term score a document needs to be a result at all (default: 0.25). */
  minRelativeScore?: number;
  /** How the term searches are built (experiments; default: `DEFAULT_VARIANT_SPECS`). */
  variants?: Partial<QueryVariantOptions>;
  /** Weight of the question's share of the query terms in the rerank of the best candidates (default: `QUESTION_RERANK_WEIGHT`; 0: off). */
  questionRerankWeight?: number;
  /** Associated words searched besides the query's terms (experiments; default: none). */
  associations?: TermAssociations;
  /** Search and count each term's domain thesaurus synonyms, below the term (default: false; the service: `SEARCH_THESAURUS`). */
  thesaurus?: boolean;
}

/** A search with what led to its answer, for the relevance scripts. */
export interface SearchQaRun {
  result: SearchResult;
  understood: UnderstoodQuery;
  plan: SearchPlan;
  /** Every candidate, in the order of the answer (relevance, or the sort). */
  ranked: string[];
  /** How the best candidates and the page's hits matched. */
  matches: Map<string, HitMatch>;
  /** Meilisearch's answers, in the order of `plan.queries`. */
  answers: SearchResponse<RecordAny>[];
}

const WEAK = { match: 'weak', score: 0 } as const;

/**
 * Run one search request against `index`: the API's answer, nothing but it.
 *
 * @throws `MeilisearchApiError` (from the client) when Meilisearch rejects a search.
 * @see https://www.meilisearch.com/docs/reference/api/multi_search
 */
export async function searchQa(index: Index<RecordAny> | SearchIndex, request: SearchRequest, options: SearchQaOptions = {}): Promise<SearchResult> {
  return (await runSearchQa(index, request, options)).result;
}

/** `searchQa` with its steps' results (`SearchQaRun`). */
export async function runSearchQa(searchIndex: Index<RecordAny> | SearchIndex, request: SearchRequest, options: SearchQaOptions = {}): Promise<SearchQaRun> {
  const index = toSearchIndex(searchIndex);
  const thresholds = { ...DEFAULT_MATCH_THRESHOLDS, ...options.matchThresholds };
  const understood = understandQuery(request.q, options.thesaurus ? { ...options.variants, synonyms: true } : options.variants);
  if (options.associations) understood.termVariants.push(...getExpansionVariants(understood, options.associations));
  const plan = planSearch(index.uid, request, understood, { evidenceDepth: thresholds.maxRank, ...(options.termCandidates ? { termCandidates: options.termCandidates } : {}) });
  // Text without a word to search (`??`, an emoji, a paste `reducePaste` found nothing in) matches
  // nothing; sent, Meilisearch would read it as the empty query and list every document.
  const nothingToSearch = plan.blank && request.q.trim() !== '';
  const answers = nothingToSearch ? [] : await sendMultiSearch(index, plan.queries, options.multiSearchRequests ?? 1);
  const processingTimeMs = answers.reduce((sum, answer) => sum + (answer.processingTimeMs ?? 0), 0);
  const selected = (facet: (typeof plan.counts)[number]['facet']) => request[facet.parameter];
  const header = {
    query: request.q,
    page: request.page,
    hitsPerPage: request.hitsPerPage,
    processingTimeMs,
    detectedProject: understood.named.projects[0] ?? null,
    detectedProjects: understood.named.projects,
    searchedFor: understood.searchedFor,
  };

  if (plan.blank) {
    const listing = answers[plan.listing.start];
    const totalHits = listing?.totalHits ?? 0;
    const hits = (listing?.hits ?? []).map((hit) => toSearchHit(hit, [], WEAK));
    return {
      result: {
        ...header,
        totalHits,
        totalPages: Math.ceil(totalHits / request.hitsPerPage),
        hits,
        facets: toFacetCounts(listing?.facetDistribution ?? {}, plan.counts.map(({ facet, part }) => ({ facet, counts: answers[part.start]?.facetDistribution?.[facet.field] })), selected),
        strongHits: 0,
      },
      understood, plan, ranked: hits.map((hit) => hit.id), matches: new Map(), answers,
    };
  }

  const termAnswers = answersOf(answers, plan.termSet);
  const { termVariants, named, projectGroups } = understood;
  const minRelativeScore = options.minRelativeScore ?? 0.25;
  const fields = indexHits(termAnswers);
  const everyCandidate = rankTermSet(termVariants, termAnswers, 0);
  const scored = cutAtRelativeScore(everyCandidate, minRelativeScore);
  const scores = new Map(scored.map((doc) => [doc.id, doc.score]));
  const expansionGroups = termVariants.flatMap((variant) => (variant.group?.startsWith(EXPANSION_GROUP) ? [variant.group] : []));
  const uninformative = new Set([...projectGroups, ...expansionGroups]);
  // without project or expansion words, every term is informative: the same ranking, not cut
  const informative = uninformative.size > 0 ? rankTermSet(termVariants, termAnswers, 0, uninformative) : everyCandidate;
  const informativeScores = new Map(informative.map((doc) => [doc.id, doc.score]));
  const mentioning = getMentioning(termVariants, termAnswers, projectGroups);
  const hasOtherWords = projectGroups.size > 0 && termVariants.some((variant) => variant.group && !projectGroups.has(variant.group));
  const candidates = scored.map((doc) => doc.id);
  const projectFirst = getProjectFirst(candidates, named, fields, mentioning, hasOtherWords ? new Set(informativeScores.keys()) : undefined);
  let ranked = [...candidates.filter((id) => projectFirst.has(id)), ...candidates.filter((id) => !projectFirst.has(id))];

  const documents = new Map<string, RecordAny>();
  const fetchMissing = async (ids: readonly string[]) => {
    const missing = [...new Set(ids)].filter((id) => !documents.has(id));
    for (const document of await fetchByIds(index, missing)) documents.set(String(document.id), document);
  };
  const offset = (request.page - 1) * request.hitsPerPage;
  const strongOnly = request.minMatch === 'strong';
  const termWeights = getTermWeights(understood.terms, termVariants, termAnswers, projectGroups);
  let best = ranked.slice(0, plan.evidenceDepth);
  // Without `minMatch`, the page is known before strength is: one fetch for both (a rerank
  // only reorders the best, so a first page of them needs no second fetch).
  const firstPage = strongOnly ? [] : orderBySort(ranked, plan.sort, fields).slice(offset, offset + request.hitsPerPage);
  await fetchMissing([...best, ...firstPage]);
  if (plan.sort.length === 0 && options.questionRerankWeight !== 0) {
    const weights = new Map(termWeights.map(({ term, weight }) => [getTermGroup(term), weight]));
    best = rerankByQuestion(best, scores, documents, understood, { synonyms: options.synonyms, weights, weight: options.questionRerankWeight, keepFirst: projectFirst });
    ranked = [...best, ...ranked.slice(best.length)];
  }
  const matches = decideHits({ understood, answers: termAnswers, best, scores, informativeScores, mentioning, documents, fields, thresholds, synonyms: options.synonyms, termWeights });
  const decidedStrong = best.filter((id) => matches.get(id)?.match === 'strong');
  if (strongOnly) ranked = decidedStrong;
  // Each copy of a pair posted twice names the others (`alsoIn`); folded, only its first is listed.
  const fold = request.copies === 'fold';
  const ordered = orderBySort(ranked, plan.sort, fields);
  const collapsed = collapseCopies(ordered, copyKeyOf(fields));
  ranked = fold ? collapsed.ids : ordered;
  // folded, a pair answers when any copy was decided strong (a date sort may keep a copy that was not weighed)
  const matchOf = (id: string) => (fold ? [id, ...(collapsed.copies.get(id) ?? [])].map((copy) => matches.get(copy)).find((match) => match?.match === 'strong') : undefined) ?? matches.get(id) ?? WEAK;
  const strongIds = fold ? ranked.filter((id) => matchOf(id).match === 'strong') : decidedStrong;
  const pageIds = ranked.slice(offset, offset + request.hitsPerPage);
  await fetchMissing([...pageIds, ...pageIds.flatMap((id) => collapsed.copies.get(id) ?? [])]);

  const words = getHighlightWords(understood, options.synonyms);
  const strong = new Set(decidedStrong);
  const hits = pageIds.flatMap((id) => {
    const document = documents.get(id);
    const copies = (collapsed.copies.get(id) ?? []).flatMap((copy) => documents.get(copy) ?? []);
    return document ? [toSearchHit(document, words, matchOf(id), copies)] : [];
  });
  // folded, a pair counts once in each facet value any of its copies has: what a filter on it lists
  const countedDocuments = (ids: readonly string[], byId: ReadonlyMap<string, RecordAny>, facetFields: readonly string[], folded = fold ? collapseCopies(ids, copyKeyOf(byId)) : null) => {
    if (!folded) return ids.map((id) => byId.get(id) ?? {});
    return folded.ids.map((id) => withCopiesFacets(byId.get(id) ?? {}, (folded.copies.get(id) ?? []).map((copy) => byId.get(copy) ?? {}), facetFields));
  };
  const own = plan.counts.map(({ facet, part }) => {
    const set = answersOf(answers, part);
    const byId = indexHits(set);
    const ids = rankTermSet(termVariants, set, minRelativeScore).map((doc) => doc.id).filter((id) => !strongOnly || strong.has(id));
    return { facet, counts: countFacets(countedDocuments(ids, byId, [facet.field]), [facet.field])[facet.field] };
  });
  return {
    result: {
      ...header,
      totalHits: ranked.length,
      totalPages: Math.ceil(ranked.length / request.hitsPerPage),
      hits,
      facets: toFacetCounts(countFacets(countedDocuments(ordered, fields, FACET_FIELDS, fold ? collapsed : null), FACET_FIELDS), own, selected),
      strongHits: strongIds.length,
    },
    understood, plan, ranked, matches, answers,
  };
}

/** Each candidate's copy key, from the fields its term searches returned (none in an index built before it). */
function copyKeyOf(fields: ReadonlyMap<string, RecordAny>): (id: string) => string | undefined {
  return (id) => {
    const key = fields.get(id)?.[COPY_KEY_FIELD];
    return typeof key === 'string' ? key : undefined;
  };
}

/**
 * The words marked in hits: each term, its translations, its thesaurus synonyms and its one-word synonyms (the words
 * of a phrase synonym would each be marked on their own: `leader` of `leader election`
 * wherever it stands).
 */
function getHighlightWords(understood: UnderstoodQuery, synonyms?: Readonly<Record<string, readonly string[]>>): string[] {
  return understood.terms.flatMap((term) => [
    term.text,
    ...term.translations,
    ...(term.synonyms ?? []),
    ...(getOwnEntry(synonyms, term.text.toLowerCase()) ?? []).filter((synonym) => !/\s/.test(synonym.trim())),
  ]);
}

