import { isQueryStopword } from './query-stopwords.ts';
import { getQueryWords, segmentQuery, type QuerySegment } from './segment-query.ts';

/** Sentence particles: never part of a word, always dropped. */
const PARTICLES = new Set(['的', '了', '吗', '呢', '吧', '啊', '呀', '哦', '嘛', '么', '着', '过']);

/** A single Han character that is not a stop word: most likely a piece of a word ICU did not know. */
function isLoneHan(segment: QuerySegment | undefined): boolean {
  return segment !== undefined && segment.isWord && /^\p{Script=Han}$/u.test(segment.text) && !isQueryStopword(segment.text);
}

/**
 * Whether the one-character stop word at `i` is probably a piece of a longer word that ICU
 * split: a lone Han character stands right before or after it (`调|用` in `调用`, `对|接`).
 */
function isWordFragment(segments: readonly QuerySegment[], i: number): boolean {
  const text = segments[i]!.text;
  if ([...text].length !== 1 || PARTICLES.has(text)) return false;
  return isLoneHan(segments[i - 1]) || isLoneHan(segments[i + 1]);
}

/**
 * The topic of a query: the query with its stop words (see `QUERY_STOPWORDS`) and punctuation
 * cut out, as a list of phrases (`SOFARPC 能不能做泛化调用吗？` -> `SOFARPC`, `泛化调用`).
 *
 * Words that stood next to each other in the query stay glued in one phrase (`注册中心里的状态`
 * -> `注册中心`, `状态`), so that Meilisearch segments each phrase itself, the same way it
 * segmented the documents; only the gaps left by removed words become spaces. A one-character
 * stop word next to a lone character is kept (`调用` is not `调` + stop word `用`). When every
 * word is a stop word, the query's words are returned, so there is still something to search.
 */
export function getTopicPhrases(query: string, locale = 'zh'): string[] {
  const phrases: string[] = [];
  let phrase = '';
  const flush = () => {
    if (phrase) phrases.push(phrase);
    phrase = '';
  };
  const segments = segmentQuery(query, locale);
  segments.forEach((segment, i) => {
    if (!segment.isWord) {
      // Keep identifier punctuation inside Latin words (`enable-swagger`, `v1.2`); anything else splits.
      if (/^[-_.:/]$/.test(segment.text) && /[A-Za-z0-9]$/.test(phrase)) phrase += segment.text;
      else flush();
    } else if (isQueryStopword(segment.text) && !isWordFragment(segments, i)) {
      flush();
    } else {
      phrase += segment.text;
    }
  });
  flush();
  // A trailing `-` or `.` from the identifier rule ends no word.
  const cleaned = phrases.map((p) => p.replace(/[-_.:/]+$/, '')).filter(Boolean);
  return cleaned.length > 0 ? cleaned : getQueryWords(query, locale);
}
