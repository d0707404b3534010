import { isQueryStopword } from './query-stopwords.ts';

/** Sentence particles: never part of a word, always dropped. */
const PARTICLES = new Set(['的', '了', '吗', '呢', '吧', '啊', '呀', '哦', '嘛', '么', '着', '过']);

/** A single Han character that is not a stop word: most likely a piece of a word ICU did not know. */
function isLoneHan(part: Intl.SegmentData | undefined): boolean {
  return part !== undefined && part.isWordLike === true && /^\p{Script=Han}$/u.test(part.segment) && !isQueryStopword(part.segment);
}

/**
 * Whether the one-character stop word at `i` is probably a piece of a longer word that ICU
 * split: a lone Han character stands right before or after it (`调|用` in `调用`, `对|接`).
 */
function isWordFragment(parts: readonly Intl.SegmentData[], i: number): boolean {
  const part = parts[i]!;
  if ([...part.segment].length !== 1 || PARTICLES.has(part.segment)) return false;
  return isLoneHan(parts[i - 1]) || isLoneHan(parts[i + 1]);
}

/**
 * The topic of a query: the query with its stop words (see `QUERY_STOPWORDS`) and punctuation
 * cut out, as a list of phrases.
 *
 * Words that stood next to each other in the query stay glued in one phrase (`宕机时的状态` ->
 * `宕机`, `状态`; `注册中心里` -> `注册中心`), so Meilisearch segments each phrase itself, the
 * same way it segmented the documents; only the gaps left by removed words become spaces.
 * Uses the ICU word segmenter (`Intl.Segmenter`, locale `zh`) to find the stop words.
 */
export function getTopicPhrases(query: string, locale = 'zh'): string[] {
  const phrases: string[] = [];
  let phrase = '';
  const flush = () => {
    if (phrase) phrases.push(phrase);
    phrase = '';
  };
  const segmenter = new Intl.Segmenter(locale, { granularity: 'word' });
  const parts = [...segmenter.segment(query.normalize('NFKC'))];
  parts.forEach((part, i) => {
    if (!part.isWordLike) {
      // Keep identifier punctuation inside Latin words (`enable-swagger`, `v1.2`); anything else splits.
      if (/^[-_.:/]$/.test(part.segment) && /[A-Za-z0-9]$/.test(phrase)) phrase += part.segment;
      else flush();
    } else if (isQueryStopword(part.segment) && !isWordFragment(parts, i)) {
      flush();
    } else {
      phrase += part.segment;
    }
  });
  flush();
  // A trailing `-` or `.` from the identifier rule ends no word.
  const cleaned = phrases.map((p) => p.replace(/[-_.:/]+$/, '')).filter(Boolean);
  if (cleaned.length > 0) return cleaned;
  // Only stop words: keep the query's words so there is still something to search.
  return [...segmenter.segment(query.normalize('NFKC'))].filter((p) => p.isWordLike).map((p) => p.segment);
}
