import type { RecordAny } from 'meilisearch';
import { getTermGroup } from './build-query-variants.ts';
import { getTermCoverage } from './get-term-coverage.ts';
import type { UnderstoodQuery } from './understand-query.ts';

/**
 * Weight of the question's share of the query terms against the first-stage score relative to
 * the best (measured in `scripts/relevance-report.md`, "Second-stage rerank": 0.2 lost an issue
 * title from the top 5, 0.3 lost nothing on any set).
 */
export const QUESTION_RERANK_WEIGHT = 0.3;

export interface RerankOptions {
  /** The index's synonyms, for the coverage of a term (default: none). */
  synonyms?: Readonly<Record<string, readonly string[]>> | undefined;
  /** Weight of the question's share (default: `QUESTION_RERANK_WEIGHT`; 0: no rerank). */
  weight?: number | undefined;
  /** Hits that stay ahead of the others whatever their value (default: none). */
  keepFirst?: ReadonlySet<string>;
}

/** Unweighted share of the query's informative terms (project names left out) that `question` holds. */
export function getQuestionShare(question: string, understood: Pick<UnderstoodQuery, 'terms' | 'projectGroups'>, synonyms?: Readonly<Record<string, readonly string[]>>): number {
  const terms = understood.terms.filter((term) => !understood.projectGroups.has(getTermGroup(term)));
  if (terms.length === 0) return 1;
  return terms.reduce((sum, term) => sum + getTermCoverage(question, term, synonyms ? { synonyms } : {}), 0) / terms.length;
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
      const share = typeof question === 'string' ? getQuestionShare(question, understood, options.synonyms) : 0;
      return { id, i, first: first.has(id) ? 0 : 1, value: (scores.get(id) ?? 0) / top + weight * share };
    })
    .sort((a, b) => a.first - b.first || b.value - a.value || a.i - b.i)
    .map(({ id }) => id);
}
