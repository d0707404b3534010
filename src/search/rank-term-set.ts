import type { RecordAny, SearchResponse } from 'meilisearch';
import type { QueryVariant } from './build-query-variants.ts';
import { rankByTermScores, type TermSearchResult } from './rank-by-term-scores.ts';

/**
 * The answers of a term set (each term search, then the document count, as `planSearch` sends
 * them) as one list by idf-weighted term scores (`rankByTermScores`), cut at `minRelativeScore`
 * of the best. `skipGroups` leaves some terms out (the project names, for the informative score).
 */
export function rankTermSet(termVariants: readonly QueryVariant[], answers: readonly SearchResponse<RecordAny>[], minRelativeScore: number, skipGroups?: ReadonlySet<string>): { id: string; score: number }[] {
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
  return cutAtRelativeScore(rankByTermScores(termResults, answers[termVariants.length]?.totalHits ?? 0), minRelativeScore);
}

/**
 * The result set of a ranking (best first): documents scoring at least `minRelativeScore` of
 * the best one. Without it, a question would "match" every document sharing one common bigram
 * with it, which is noise in totals, facet counts and, above all, in results sorted by date.
 */
export function cutAtRelativeScore<T extends { score: number }>(ranked: readonly T[], minRelativeScore: number): T[] {
  const floor = (ranked[0]?.score ?? 0) * minRelativeScore;
  return ranked.filter((doc) => doc.score >= floor);
}

/** Each hit's fields by id (the first answer that has the document wins). */
export function indexHits(answers: readonly SearchResponse<RecordAny>[]): Map<string, RecordAny> {
  const fields = new Map<string, RecordAny>();
  for (const answer of answers) for (const hit of answer.hits) if (!fields.has(String(hit.id))) fields.set(String(hit.id), hit);
  return fields;
}

/** Compare two documents by `sort` rules such as `dateTs:desc` (missing values last). */
export function compareBySort(sort: readonly string[]): (a: RecordAny, b: RecordAny) => number {
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

/** `ids` (relevance order) ordered by `sort` (ties keep their relevance order); unchanged without a sort. */
export function orderBySort(ids: readonly string[], sort: readonly string[], fields: ReadonlyMap<string, RecordAny>): string[] {
  if (sort.length === 0) return [...ids];
  const compare = compareBySort(sort);
  return ids
    .map((id, i) => ({ id, i }))
    .sort((a, b) => compare(fields.get(a.id) ?? {}, fields.get(b.id) ?? {}) || a.i - b.i)
    .map(({ id }) => id);
}
