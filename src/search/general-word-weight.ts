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

export const ENGLISH_GENERAL_WORDS_FILE = fileURLToPath(new URL('../data/english-general-words.json', import.meta.url));

/**
 * Weight of the searches of an English general-language word in the first-stage ranking
 * (`getEnglishGeneralWeight`). Measured in `scripts/relevance-report.md` (issue 11, fifth pass):
 * 0.6-0.8 gave the same figures, 0.5 cost dev MRR, 0 (a stop word) cost abstentions.
 */
export const ENGLISH_GENERAL_WEIGHT = 0.7;

/** The English general-language words of `file` (lower case). */
export function loadEnglishGeneralWords(file = ENGLISH_GENERAL_WORDS_FILE): Set<string> {
  return new Set(Object.values(loadWordLists(file)).flat().map((word) => word.toLowerCase()));
}

const ENGLISH_GENERAL: ReadonlySet<string> = loadEnglishGeneralWords();

/**
 * How much a Latin query term's searches weigh in the first-stage ranking: `ENGLISH_GENERAL_WEIGHT`
 * for an English word of general language (`show`, `using`, `cannot`, from stopwords-iso's
 * English list), else 1. English is rare in this corpus, so such a word's idf alone puts it
 * beside the technical words an English question is about (`Provide an endpoint to show the time
 * cost`: `show` 3.4, `endpoint` 6.3). A word in capitals is an acronym (`TM`, `AT`), never
 * general. Chinese terms weigh 1 here: the Chinese general-word weight in the first stage cost
 * ranking (report, fourth pass); it acts in the rerank only (`getGeneralWordWeight`).
 */
export function getEnglishGeneralWeight(term: Pick<QueryTerm, 'text' | 'script'>): number {
  if (term.script !== 'latin' || /^[A-Z0-9]{2,}$/.test(term.text)) return 1;
  return ENGLISH_GENERAL.has(term.text.toLowerCase()) ? ENGLISH_GENERAL_WEIGHT : 1;
}

/** A query term's weight in (0, 1]: its general-corpus idf over `GENERAL_IDF_PIVOT` for a general Chinese word, else 1. */
export function getGeneralWordWeight(term: Pick<QueryTerm, 'text' | 'script'>): number {
  if (term.script !== 'han') return 1;
  const idf = GENERAL_IDF.get(term.text);
  return idf === undefined ? 1 : Math.min(1, idf / GENERAL_IDF_PIVOT);
}
