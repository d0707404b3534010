import type { RecordAny } from 'meilisearch';
import { getTermGroup } from './build-query-variants.ts';
import { getGeneralWordWeight } from './general-word-weight.ts';
import { getTermCoverage } from './get-term-coverage.ts';
import type { UnderstoodQuery } from './understand-query.ts';

/**
 * Weight of the question's idf-weighted share of the query terms against the first-stage score
 * relative to the best (measured in `scripts/relevance-report.md`, issue 11 third pass: 0.4 was
 * the best on every set; unweighted shares lost queries whose rare word is in the answer).
 */
export const QUESTION_RERANK_WEIGHT = 0.4;

/**
 * What a synonym of a query word counts in the question's share when the question lacks the word
 * itself (`getTermCoverage`'s `synonymCoverage`): the reader's own word is better evidence than
 * another word for it (`sidecar 注入`: a question with `Sidecar` and `注入` before one with `MOSN`, a
 * catalogue synonym of `sidecar`, and `注入`). As much as a thesaurus synonym counts
 * (`THESAURUS_COVERAGE`); 0, 0.5 and 0.8 order the measured queries alike
 * (`scripts/relevance-report.md`, issue 11 twelfth pass).
 */
export const QUESTION_SYNONYM_COVERAGE = 0.8;

export interface RerankOptions {
  /** The index's synonyms, for the coverage of a term (default: none). */
  synonyms?: Readonly<Record<string, readonly string[]>> | undefined;
  /** Weight of the question's share (default: `QUESTION_RERANK_WEIGHT`; 0: no rerank). */
  weight?: number | undefined;
  /** Each term group's weight (its idf, `getTermWeights`); unweighted without (default: none). */
  weights?: ReadonlyMap<string, number> | undefined;
  /** Hits that stay ahead of the others whatever their value (default: none). */
  keepFirst?: ReadonlySet<string>;
}

/**
 * Share of the query's informative terms that `question` holds, each term weighted by its idf when
 * `weights` are given (a rare word asked for counts more than `配置`) times how specific it is
 * outside the corpus (`getGeneralWordWeight`: `很多` counts less than `泛化调用`), else unweighted;
 * project names are left out.
 */
export function getQuestionShare(question: string, understood: Pick<UnderstoodQuery, 'terms' | 'projectGroups'>, options: Pick<RerankOptions, 'synonyms' | 'weights'> = {}): number {
  const terms = understood.terms
    .filter((term) => !understood.projectGroups.has(getTermGroup(term)))
    .map((term) => ({ term, weight: options.weights ? (options.weights.get(getTermGroup(term)) ?? 0) * getGeneralWordWeight(term) : 1 }))
    .filter(({ weight }) => weight > 0);
  const total = terms.reduce((sum, { weight }) => sum + weight, 0);
  if (total === 0) return 0;
  const coverage = { synonymCoverage: QUESTION_SYNONYM_COVERAGE, ...(options.synonyms ? { synonyms: options.synonyms } : {}) };
  return terms.reduce((sum, { term, weight }) => sum + weight * getTermCoverage(question, term, coverage), 0) / total;
}

/**
 * The best candidates (`best`, already fetched whole) reordered by their term score relative to
 * the best one plus `weight` times the share of the query's terms their *question* holds: of two
 * candidates scoring alike, the one asked the way the query asks comes first (the term scores
 * count a word in a long answer about as much as in the question). Candidates without a
 * fetched document keep their score alone; the hits of a named project (`keepFirst`) stay ahead
 * of the others (`getProjectFirst`). Pure; costs one coverage check per term and
 * candidate (10 x terms on short texts).
 */
export function rerankByQuestion(
  best: readonly string[],
  scores: ReadonlyMap<string, number>,
  documents: ReadonlyMap<string, RecordAny>,
  understood: Pick<UnderstoodQuery, 'terms' | 'projectGroups'>,
  options: RerankOptions = {},
): string[] {
  const weight = options.weight ?? QUESTION_RERANK_WEIGHT;
  const top = Math.max(0, ...best.map((id) => scores.get(id) ?? 0));
  if (top <= 0 || weight === 0) return [...best];
  const first = options.keepFirst ?? new Set<string>();
  return best
    .map((id, i) => {
      const question = documents.get(id)?.question;
      const share = typeof question === 'string' ? getQuestionShare(question, understood, options) : 0;
      return { id, i, first: first.has(id) ? 0 : 1, value: (scores.get(id) ?? 0) / top + weight * share };
    })
    .sort((a, b) => a.first - b.first || b.value - a.value || a.i - b.i)
    .map(({ id }) => id);
}
