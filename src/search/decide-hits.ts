import type { RecordAny, SearchResponse } from 'meilisearch';
import { getTermGroup, isIdentifierHeadSearch, isSynonymSearch, type QueryVariant } from './build-query-variants.ts';
import { decideMatch, getMatchScore, type MatchEvidence, type MatchStrength, type MatchThresholds } from './decide-match.ts';
import type { QueryTerm } from './get-query-terms.ts';
import { getTermCoverage } from './get-term-coverage.ts';
import { isAboutNamedProject } from './order-by-project-intent.ts';
import { isQueryStopword } from './query-stopwords.ts';
import { getIdf } from './rank-by-term-scores.ts';
import type { UnderstoodQuery } from './understand-query.ts';

/** How one hit matched. */
export interface HitMatch {
  match: MatchStrength;
  /** The score the decision rests on (`getMatchScore`), in [0, 1]. */
  score: number;
  evidence: MatchEvidence;
}

/** A term's weight in coverage: its idf (the most common of its searches'), 0 for a project name or an unsearched term. */
export interface WeightedTerm {
  term: QueryTerm;
  weight: number;
  /** Documents containing each of its bigrams (from its bigram searches). */
  bigramFrequency: Map<string, number>;
  /** Documents the Latin term's own word search found (through a synonym, the dictionary or a typo too). */
  matched: Set<string>;
}

export function getTermWeights(terms: readonly QueryTerm[], termVariants: readonly QueryVariant[], answers: readonly SearchResponse<RecordAny>[], projectGroups: ReadonlySet<string>): WeightedTerm[] {
  const documentCount = answers[termVariants.length]?.totalHits ?? 0;
  const frequency = new Map<string, number>();
  const bigramFrequency = new Map<string, Map<string, number>>();
  const matched = new Map<string, Set<string>>();
  termVariants.forEach((variant, i) => {
    // The word search of a Latin term (not its translations): what Meilisearch matched for it.
    if (variant.group && variant.name === `term:${variant.q}` && !/\p{Script=Han}/u.test(variant.q)) {
      matched.set(variant.group, new Set((answers[i]?.hits ?? []).map((hit) => String(hit.id))));
    }
    // An identifier's head (`initialServer` of `initialServerAddressList`) finds its family, not
    // the identifier, and a synonym another word: their document counts say nothing of how rare
    // the term is.
    if (!variant.group || isIdentifierHeadSearch(variant) || isSynonymSearch(variant)) return;
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

/**
 * Characters of question, answer and context up to which coverage counts in full: about the 98th
 * percentile of the weekly pairs (543). A longer text holds more of any query's words by chance
 * alone (the FAQ pages' long comparisons, up to 2,500 characters, "covered" unrelated pasted
 * errors), so its coverage is scaled by pivot / length. A square root (0.49 at 2,500
 * characters) left such texts strong; the figures in `scripts/relevance-report.md`.
 */
export const COVERAGE_LENGTH_PIVOT = 600;

export function getLengthDiscount(length: number, pivot = COVERAGE_LENGTH_PIVOT): number {
  return length <= pivot ? 1 : pivot / length;
}

/**
 * Whether Meilisearch searches a Latin term as a single word: no separator inside (`ark-plugin`,
 * `5.7.7`, `com.alipay.sofa.rpc.core.exception.SofaRpcException` are several words). A term search
 * keeps its last words optional (`matchingStrategy: 'last'`), so the search of such a term also
 * finds documents holding only its first word (`ark`, `com`): being found by it says nothing of
 * the term. Measured in `scripts/relevance-report.md` (issue 11, eighth pass).
 */
export function isOneWord(text: string): boolean {
  return !/[^\p{L}\p{N}]/u.test(text);
}

/** Idf-weighted share of the informative terms in the document's question, answer and context, discounted for long texts. */
function getCoverage(document: RecordAny, weights: readonly WeightedTerm[], whenNoTerms: boolean, synonyms?: Readonly<Record<string, readonly string[]>>): number {
  const total = weights.reduce((sum, { weight }) => sum + weight, 0);
  if (total === 0) return whenNoTerms ? 1 : 0;
  const text = ['question', 'answer', 'context'].map((field) => (typeof document[field] === 'string' ? document[field] : '')).join('\n');
  let covered = 0;
  const id = String(document.id);
  for (const { term, weight, bigramFrequency, matched } of weights) {
    if (weight <= 0) continue;
    // Found by its own word search: Meilisearch matched it (maybe through a typo, a synonym or the
    // dictionary, which the text check cannot see), unless it searched the term as several words.
    const foundBySearch = term.script === 'latin' && matched.has(id) && isOneWord(term.text);
    covered += weight * (foundBySearch ? 1 : getTermCoverage(text, term, { bigramFrequency, ...(synonyms ? { synonyms } : {}) }));
  }
  return (covered / total) * getLengthDiscount(text.length);
}

export interface DecideHitsInput {
  understood: UnderstoodQuery;
  /** The term set's answers (`planSearch`'s `termSet` part). */
  answers: readonly SearchResponse<RecordAny>[];
  /** The best candidates, best first (their rank is part of the evidence). */
  best: readonly string[];
  /** Term scores of the candidates (`rankTermSet`). */
  scores: ReadonlyMap<string, number>;
  /** Term scores without the project words. */
  informativeScores: ReadonlyMap<string, number>;
  /** Documents the searches for the project words found (`getMentioning`). */
  mentioning: ReadonlySet<string>;
  /** The candidates' whole documents. */
  documents: ReadonlyMap<string, RecordAny>;
  /** The candidates' fields from the term searches (`projects`, `projectMentions`). */
  fields: ReadonlyMap<string, RecordAny>;
  thresholds: MatchThresholds;
  synonyms?: Readonly<Record<string, readonly string[]>> | undefined;
  /** The query terms' weights when the caller has them (`getTermWeights`). */
  termWeights?: readonly WeightedTerm[];
}

/**
 * Whether a query term can say what is asked: not a function word (`the`, `如何`: `isQueryStopword`)
 * nor a lone Latin letter or digit, which Meilisearch matches as the prefix of any word (`a` finds
 * `A 服务`, `x` finds `XA`). A query of nothing else asks nothing a hit could answer.
 */
function isMeaningfulTerm(text: string): boolean {
  return !isQueryStopword(text) && !/^[\p{Script=Latin}\p{Nd}]$/u.test(text.normalize('NFKC'));
}

/**
 * How each of the best candidates matched: strong when its text covers enough of the query's
 * informative terms (project names left out), its term scores agree and it scores near the
 * best (`decideMatch`). Pure.
 */
export function decideHits(input: DecideHitsInput): Map<string, HitMatch> {
  const { understood, answers, best, scores, informativeScores, mentioning, documents, fields, thresholds, synonyms } = input;
  const { terms, termVariants, named, projectGroups } = understood;
  const matches = new Map<string, HitMatch>();
  // The best score, wherever a rerank put its hit.
  const topScore = Math.max(0, ...best.map((id) => scores.get(id) ?? 0));
  const weights = input.termWeights ?? getTermWeights(terms, termVariants, answers, projectGroups);
  const maxScore = weights.reduce((sum, { weight }) => sum + weight, 0);
  const anyProject = named.projects.length === 0;
  const asksSomething = !anyProject || terms.some((term) => !projectGroups.has(getTermGroup(term)) && isMeaningfulTerm(term.text));
  best.forEach((id, rank) => {
    const document = documents.get(id);
    if (!document) return;
    if (!asksSomething) {
      matches.set(id, { match: 'weak', score: 0, evidence: { coverage: 0, scoreShare: 0, relativeScore: 0, rank, projectNamed: false, inNamedProject: false } });
      return;
    }
    const inNamedProject = isAboutNamedProject({ ...document, ...fields.get(id) }, named, mentioning);
    const evidence: MatchEvidence = {
      coverage: getCoverage(document, weights, inNamedProject || anyProject, synonyms),
      // A query of project names only (`jraft`): every hit about the project answers it.
      scoreShare: maxScore > 0 ? Math.min(1, (informativeScores.get(id) ?? 0) / maxScore) : inNamedProject || anyProject ? 1 : 0,
      relativeScore: topScore > 0 ? (scores.get(id) ?? 0) / topScore : 0,
      rank,
      projectNamed: !anyProject,
      inNamedProject,
    };
    matches.set(id, { match: decideMatch(evidence, thresholds), score: getMatchScore(evidence), evidence });
  });
  return matches;
}
