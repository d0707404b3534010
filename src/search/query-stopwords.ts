import { fileURLToPath } from 'node:url';
import { loadWordLists } from './load-word-list.ts';

/**
 * Words a searcher types that say nothing about the topic: Chinese function words, question
 * words and politeness formulas (`请问`, `怎么`, `能不能`, `吗`), and English function words.
 *
 * They are dropped from the query only (documents keep them): Meilisearch considers at most
 * ten query words and ranks by how many of them match, so in a natural question such as
 * `请问 SOFARPC 能不能做泛化调用吗` the function words would both push topic words past the
 * tenth position and reward documents for containing `能` or `吗`.
 *
 * The list is about the *form* of a question, never its topic: no project or technical word
 * belongs here. Compare words after `normalizeQueryWord`. The words are data
 * (`src/data/query-stopwords.json`, grouped by why they are there), validated when this module
 * loads.
 *
 * @see https://www.meilisearch.com/docs/resources/help/known_limitations#maximum-number-of-query-words
 */

export const QUERY_STOPWORDS_FILE = fileURLToPath(new URL('../data/query-stopwords.json', import.meta.url));

/** Every query stop word, normalized (see `normalizeQueryWord`): every list of `src/data/query-stopwords.json`. */
export const QUERY_STOPWORDS: ReadonlySet<string> = new Set(Object.values(loadWordLists(QUERY_STOPWORDS_FILE)).flat().map(normalizeQueryWord));

/** The form in which query words are compared with the stop words: NFKC, lower case, trimmed. */
export function normalizeQueryWord(word: string): string {
  return word.normalize('NFKC').trim().toLowerCase();
}

/** Longest stop word, in characters: bounds the split in `isQueryStopword`. */
const MAX_STOPWORD_LENGTH = Math.max(...[...QUERY_STOPWORDS].map((word) => [...word].length));

/** Whether `chars` is a sequence of stop words only (`到底是` = `到底` + `是`). */
function isStopwordSequence(chars: readonly string[]): boolean {
  // reachable[i]: chars[0..i) splits into stop words
  const reachable = [true, ...chars.map(() => false)];
  for (let end = 1; end <= chars.length; end++) {
    for (let start = Math.max(0, end - MAX_STOPWORD_LENGTH); start < end && !reachable[end]; start++) {
      if (reachable[start] && QUERY_STOPWORDS.has(chars.slice(start, end).join(''))) reachable[end] = true;
    }
  }
  return reachable[chars.length] === true;
}

/**
 * Whether a query word carries no topic (see `QUERY_STOPWORDS`). A Chinese word the
 * segmenter glued together from stop words only (`到底是`, `能不能`) counts as one too.
 * A word in capitals is an acronym, never a stop word: `AT` (Seata's AT mode) is not `at`.
 */
export function isQueryStopword(word: string): boolean {
  if (/^[A-Z0-9]{2,}$/.test(word.trim())) return false;
  const normalized = normalizeQueryWord(word);
  if (QUERY_STOPWORDS.has(normalized)) return true;
  return /^\p{Script=Han}+$/u.test(normalized) && isStopwordSequence([...normalized]);
}

/**
 * The query words without stop words. When every word is a stop word (a query of only
 * `怎么`), the words are returned unchanged so the search still has something to match.
 */
export function dropQueryStopwords(words: readonly string[]): string[] {
  const kept = words.filter((word) => !isQueryStopword(word));
  return kept.length > 0 ? kept : [...words];
}
