import { fileURLToPath } from 'node:url';
import type { QueryTerm } from './get-query-terms.ts';
import { loadWordLists } from './load-word-list.ts';

/**
 * How specific a query term is outside this corpus: the corpus idf says how rare a word is among
 * the pairs, not whether it names a topic. General-language words a searcher phrases a question
 * with (`很多`, `普通`, `关系`, `项目`) are often rare in 800 short pairs, so their corpus idf ranks
 * them with the technical words that say what is asked (`泛化调用`, `状态机`). A general-language
 * word counts in proportion to its idf over a large general Chinese corpus (jieba's idf table,
 * `src/data/general-word-idf.json`, read at start), up to `GENERAL_IDF_PIVOT`; any other term (Latin words,
 * technical words general text hardly uses) counts fully. Measured in
 * `scripts/relevance-report.md` (issue 11, fourth pass): used where it helped, the question
 * rerank (`rerankByQuestion`), not in the strong decision, where it cost abstentions.
 */

export const GENERAL_WORD_IDF_FILE = fileURLToPath(new URL('../data/general-word-idf.json', import.meta.url));

/** General-corpus idf at and above which a word counts fully (jieba's median idf is 12; `超时` 11.5, `问题` 4.0). */
export const GENERAL_IDF_PIVOT = 10;

/** Word -> its general-corpus idf (the middle of its whole-number list). */
export function loadGeneralWordIdf(file = GENERAL_WORD_IDF_FILE): Map<string, number> {
  const idf = new Map<string, number>();
  for (const [key, words] of Object.entries(loadWordLists(file))) {
    const bucket = /^idf (\d+)$/.exec(key)?.[1];
    if (bucket === undefined) continue;
    for (const word of words) idf.set(word, Number(bucket) + 0.5);
  }
  return idf;
}

// Read at start (~0.1-0.2 s for 44,337 words), not on the first search.
const GENERAL_IDF: ReadonlyMap<string, number> = loadGeneralWordIdf();

/** A query term's weight in (0, 1]: its general-corpus idf over `GENERAL_IDF_PIVOT` for a general Chinese word, else 1. */
export function getGeneralWordWeight(term: Pick<QueryTerm, 'text' | 'script'>): number {
  if (term.script !== 'han') return 1;
  const idf = GENERAL_IDF.get(term.text);
  return idf === undefined ? 1 : Math.min(1, idf / GENERAL_IDF_PIVOT);
}
