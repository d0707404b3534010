/**
 * Rank documents by the query terms they contain, each term weighted by its rarity: a
 * disjunctive ("any term") ranking that Meilisearch's own matching strategies do not offer
 * (`last` never drops the first word, `frequency` never drops the rarest one, so a query whose
 * key word is absent, misspelt or segmented differently finds little or nothing).
 *
 * Input is one single-term search per term: its hits with their Meilisearch ranking score
 * (which already prefers a match in the question over one in the answer, and exact over typo
 * matches) and its total hit count, the term's document frequency. A document's score is
 *
 *     sum over matched terms t of  idf(t) * rankingScore(t, d) * weight(t)
 *     idf(t) = ln(1 + (N - df(t) + 0.5) / (df(t) + 0.5))        (the BM25 idf)
 *
 * i.e. BM25 with binary term frequency, and the field weighting left to Meilisearch. Searches
 * of one `group` are alternatives for one term (an English word and its Chinese equivalents):
 * only the best of them counts for a document.
 *
 * @see Robertson & Zaragoza, "The Probabilistic Relevance Framework: BM25 and Beyond" (2009)
 */

/** The results of one single-term search. */
export interface TermSearchResult {
  /** Number of documents containing the term (the search's total hits). */
  documentFrequency: number;
  /** Hits, any order: document id and its Meilisearch ranking score in [0, 1]. */
  hits: readonly { id: string; score: number }[];
  /** Multiplier of the term's contribution (default: 1). */
  weight?: number;
  /** Searches with the same group are alternatives: a document gets the best of them (default: a group of its own). */
  group?: string;
}

/** One ranked document. */
export interface TermScoredDocument {
  id: string;
  score: number;
  /** How many terms (groups) matched it. */
  matchedTerms: number;
}

/** BM25 inverse document frequency (never negative). */
export function getIdf(documentFrequency: number, documentCount: number): number {
  const n = Math.max(documentCount, documentFrequency);
  return Math.log(1 + (n - documentFrequency + 0.5) / (documentFrequency + 0.5));
}

/**
 * Documents of `results` ranked by their summed, idf-weighted term scores (best first; ties
 * by first appearance).
 *
 * @param documentCount - number of documents searched (N), e.g. a placeholder search's total hits
 * @throws {RangeError} when `documentCount` is negative or not finite.
 */
export function rankByTermScores(results: readonly TermSearchResult[], documentCount: number): TermScoredDocument[] {
  if (!(documentCount >= 0) || !Number.isFinite(documentCount)) {
    throw new RangeError(`rankByTermScores: documentCount must be a finite number >= 0, got ${documentCount}`);
  }
  // document -> its groups and their best contributions, in the order the groups first matched
  // it (the sum adds them in that order). Arrays, not a Map per document: a search ranks
  // hundreds of candidates, most matched by one or two groups.
  const byDocument = new Map<string, { id: string; order: number; groups: string[]; contributions: number[] }>();
  results.forEach((result, i) => {
    if (result.hits.length === 0) return;
    const idf = getIdf(Math.max(result.documentFrequency, result.hits.length), documentCount) * (result.weight ?? 1);
    const group = result.group ?? `#${i}`;
    for (const hit of result.hits) {
      let entry = byDocument.get(hit.id);
      if (!entry) {
        entry = { id: hit.id, order: byDocument.size, groups: [], contributions: [] };
        byDocument.set(hit.id, entry);
      }
      const contribution = idf * hit.score;
      const at = entry.groups.indexOf(group);
      if (at < 0) {
        if (contribution > -Infinity) {
          entry.groups.push(group);
          entry.contributions.push(contribution);
        }
      } else if (contribution > entry.contributions[at]!) {
        entry.contributions[at] = contribution;
      }
    }
  });
  const scored: { id: string; order: number; matchedTerms: number; score: number }[] = [];
  for (const { id, order, groups, contributions } of byDocument.values()) {
    let score = 0;
    for (const contribution of contributions) score += contribution;
    scored.push({ id, order, matchedTerms: groups.length, score });
  }
  return scored
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .map(({ id, score, matchedTerms }) => ({ id, score, matchedTerms }));
}
