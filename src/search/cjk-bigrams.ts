/**
 * Overlapping character bigrams of Chinese text, encoded as Latin tokens, for in-word matching.
 *
 * Meilisearch segments Chinese into words (jieba) and matches a query word only as a whole
 * word or, for the last query word, as a word prefix: `中心` never finds `注册中心`, and a query
 * segmented differently from the document misses it (meilisearch/meilisearch#4874, #2499).
 * Indexing every pair of adjacent Han characters (`注册中心` -> `注册 册中 中心`), and searching
 * the query's bigrams in that field, matches any shared run of two characters regardless of
 * how either side was segmented, like Lucene's CJK bigram analyzer.
 *
 * Each bigram is written as one ASCII token (`u6ce8u518c`) so that Meilisearch indexes it as a
 * single word: raw Han bigrams would be re-segmented by jieba into single characters. All tokens
 * have the same length, so prefix matching of the last query word cannot match another bigram;
 * turn typo tolerance off for the field (`typoTolerance.disableOnAttributes`).
 */

/** A Han ideograph (CJK Unified Ideographs and extensions, compatibility ideographs). */
const HAN = /\p{Script=Han}/u;

/** Runs of consecutive Han characters in `text` (NFKC-normalized), in order. */
export function getHanRuns(text: string): string[] {
  const runs: string[] = [];
  let run = '';
  for (const char of text.normalize('NFKC')) {
    if (HAN.test(char)) {
      run += char;
    } else if (run) {
      runs.push(run);
      run = '';
    }
  }
  if (run) runs.push(run);
  return runs;
}

/**
 * Overlapping bigrams of each Han run of `text`, in text order with repeats
 * (`数据版本号` -> `数据 据版 版本 本号`). A run of a single character gives no bigram.
 */
export function getCjkBigrams(text: string): string[] {
  const bigrams: string[] = [];
  for (const run of getHanRuns(text)) {
    const chars = [...run];
    for (let i = 0; i + 1 < chars.length; i++) bigrams.push(chars[i]! + chars[i + 1]!);
  }
  return bigrams;
}

function hex(char: string): string {
  return (char.codePointAt(0) ?? 0).toString(16).padStart(5, '0');
}

/** The index token of one bigram: `u` + five hex digits per character (`注册` -> `u06ce8u0518c`). */
export function encodeCjkBigram(bigram: string): string {
  const chars = [...bigram];
  if (chars.length !== 2) throw new RangeError(`encodeCjkBigram expects two characters, got ${JSON.stringify(bigram)}`);
  return `u${hex(chars[0]!)}u${hex(chars[1]!)}`;
}

/** The bigram an index token stands for (inverse of `encodeCjkBigram`), or null for another token. */
export function decodeCjkBigram(token: string): string | null {
  const match = /^u([0-9a-f]{5})u([0-9a-f]{5})$/.exec(token);
  if (!match) return null;
  return String.fromCodePoint(parseInt(match[1]!, 16), parseInt(match[2]!, 16));
}

/** The text of a bigram field: the encoded bigrams of `text` joined by spaces (empty when there are none). */
export function toCjkBigramText(text: string): string {
  return getCjkBigrams(text).map(encodeCjkBigram).join(' ');
}
