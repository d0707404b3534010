import { getQueryTerms } from '../src/search/get-query-terms.ts';
import type { TermAssociations } from '../src/search/expand-query-terms.ts';

export interface AssociationOptions {
  /** Records a pair must co-occur in (default: 3). */
  minCount?: number;
  /** Least pointwise mutual information, natural log (default: 3). */
  minPmi?: number;
  /** Associated words kept per term, best first (default: 2). */
  perTerm?: number;
  /** Weight of an associated word's search (default: 0.3). */
  weight?: number;
  /** Characters of a text read (default: 2,000). */
  maxChars?: number;
}

function wordsOf(text: string, maxChars: number): Set<string> {
  return new Set(getQueryTerms(text.slice(0, maxChars)).filter((term) => term.script === 'latin' || [...term.text].length >= 2).map((term) => term.text.toLowerCase()));
}

/**
 * Which answer words go with which question words in a corpus of Q/A records: the pointwise
 * mutual information of a word in a record's question and a word in its question or answer,
 * PMI(t, u) = ln(c(t, u) * N / (df_q(t) * df(u))), kept when the pair occurs in `minCount`
 * records at least. Words are the query terms (`getQueryTerms`) of each text. Pure.
 */
export function buildTermAssociations(records: readonly { question: string; answer: string }[], options: AssociationOptions = {}): TermAssociations {
  const { minCount = 3, minPmi = 3, perTerm = 2, weight = 0.3, maxChars = 2000 } = options;
  const questionFrequency = new Map<string, number>();
  const frequency = new Map<string, number>();
  const together = new Map<string, Map<string, number>>();
  for (const record of records) {
    const question = wordsOf(record.question, maxChars);
    const all = wordsOf(`${record.question}\n${record.answer}`, maxChars);
    for (const t of question) questionFrequency.set(t, (questionFrequency.get(t) ?? 0) + 1);
    for (const u of all) frequency.set(u, (frequency.get(u) ?? 0) + 1);
    for (const t of question) {
      const row = together.get(t) ?? new Map<string, number>();
      for (const u of all) if (u !== t) row.set(u, (row.get(u) ?? 0) + 1);
      together.set(t, row);
    }
  }
  const n = records.length;
  const associations = new Map<string, { text: string; weight: number }[]>();
  for (const [t, row] of together) {
    const best = [...row]
      .filter(([, count]) => count >= minCount)
      .map(([u, count]) => ({ u, pmi: Math.log((count * n) / ((questionFrequency.get(t) ?? 1) * (frequency.get(u) ?? 1))) }))
      .filter(({ pmi }) => pmi >= minPmi)
      .sort((a, b) => b.pmi - a.pmi)
      .slice(0, perTerm);
    if (best.length > 0) associations.set(t, best.map(({ u }) => ({ text: u, weight })));
  }
  return associations;
}
