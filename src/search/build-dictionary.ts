import { QUERY_STOPWORDS } from './query-stopwords.ts';

/**
 * An English -> Chinese dictionary restricted to the words the corpus uses, from a bilingual
 * lexicon's Chinese -> English entries (CC-CEDICT, `load-lexicon.ts`): each Chinese word of
 * the corpus is looked up, and each of its short English glosses (`(computing) timeout` ->
 * `timeout`, `to roll back` -> `roll back`) maps back to it. The index gets it as one-way
 * synonyms (an English query word also finds the Chinese posts; a Chinese one is not widened
 * to English), so English questions meet answers written in Chinese.
 */

/** One lexicon entry: a simplified Chinese headword and its English glosses. */
export interface LexiconEntry {
  simplified: string;
  glosses: readonly string[];
}

export interface DictionaryOptions {
  /** Chinese words per English word at most, the corpus's most frequent first (default: 3). */
  maxPerWord?: number;
  /** English words in a gloss at most (default: 2): longer glosses are explanations, not translations. */
  maxGlossWords?: number;
  /** Documents a Chinese word must occur in (default: 2): a word seen once names nothing reusable. */
  minDocuments?: number;
}

/** Glosses that say what an entry is rather than what it means. */
const NOT_A_TRANSLATION = /\b(?:variant of|surname|abbr\.|see also|see |used in|CL:|old|classifier|radical|particle|interjection|(?:[A-Z][a-z]+ ){0,2}(?:province|county|city))\b|[|\[\]]/i;

/** The translation a gloss gives, lower case, or null (`(computing) timeout` -> `timeout`). */
export function getGlossTerm(gloss: string, maxWords: number): string | null {
  if (NOT_A_TRANSLATION.test(gloss)) return null;
  const text = gloss
    .replace(/\([^)]*\)/g, ' ')
    .replace(/^\s*to\s+/i, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
  if (!/^[a-z][a-z0-9-]*(?: [a-z][a-z0-9-]*)*$/.test(text)) return null;
  const words = text.split(' ');
  if (words.length > maxWords) return null;
  if (words.length === 1 && (QUERY_STOPWORDS.has(text) || text.length < 3)) return null;
  return text;
}

/**
 * English gloss -> Chinese corpus words (see the module comment).
 *
 * @param documentFrequency - Chinese word -> number of documents it occurs in (the corpus's words)
 */
export function buildDictionary(entries: Iterable<LexiconEntry>, documentFrequency: ReadonlyMap<string, number>, options: DictionaryOptions = {}): Record<string, string[]> {
  const maxPerWord = options.maxPerWord ?? 3;
  const maxGlossWords = options.maxGlossWords ?? 2;
  const minDocuments = options.minDocuments ?? 2;
  const byTerm = new Map<string, Set<string>>();
  for (const entry of entries) {
    if ([...entry.simplified].length < 2 || (documentFrequency.get(entry.simplified) ?? 0) < minDocuments) continue;
    for (const gloss of entry.glosses) {
      const term = getGlossTerm(gloss, maxGlossWords);
      if (!term) continue;
      const words = byTerm.get(term) ?? new Set<string>();
      words.add(entry.simplified);
      byTerm.set(term, words);
    }
  }
  const dictionary: Record<string, string[]> = {};
  for (const term of [...byTerm.keys()].sort()) {
    dictionary[term] = [...byTerm.get(term)!]
      .sort((a, b) => (documentFrequency.get(b) ?? 0) - (documentFrequency.get(a) ?? 0) || a.localeCompare(b))
      .slice(0, maxPerWord);
  }
  return dictionary;
}

/**
 * Runs of 2 to `maxLength` Han characters in texts, by the number of texts they occur in: a
 * lexicon headword found here is a word the corpus uses. Substrings rather than a segmenter's
 * words: ICU cuts `超时` into `超|时` and `回滚` into `回|滚`, and would hide exactly the
 * technical words the dictionary is for.
 */
export function countChineseWords(texts: Iterable<string>, maxLength = 6): Map<string, number> {
  const counts = new Map<string, number>();
  for (const text of texts) {
    const seen = new Set<string>();
    for (const run of text.normalize('NFKC').match(/\p{Script=Han}{2,}/gu) ?? []) {
      const chars = [...run];
      for (let i = 0; i < chars.length; i++) {
        for (let n = 2; n <= maxLength && i + n <= chars.length; n++) seen.add(chars.slice(i, i + n).join(''));
      }
    }
    for (const word of seen) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return counts;
}
