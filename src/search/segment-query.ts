/**
 * Split a search query into segments with the ICU word segmenter (`Intl.Segmenter`, Chinese
 * dictionary), so that Chinese typed without spaces becomes separate words that can be
 * filtered (`isQueryStopword`) and re-joined.
 *
 * ICU cuts Chinese finer than Meilisearch's own segmenter (jieba): `注册中心` becomes `注册`,
 * `中心`, and unknown words fall apart into single characters (`宕|机`). Callers that send words
 * to Meilisearch therefore keep neighbouring words glued (`getTopicPhrases`) or compare by
 * character bigrams (`getQueryTerms`), never by ICU's word boundaries alone.
 */

/** One piece of a query: a word (Chinese word, Latin word, number) or what lies between words. */
export interface QuerySegment {
  text: string;
  /** True for words; false for spaces, punctuation and symbols. */
  isWord: boolean;
}

const segmenters = new Map<string, Intl.Segmenter>();

function getSegmenter(locale: string): Intl.Segmenter {
  let segmenter = segmenters.get(locale);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(locale, { granularity: 'word' });
    segmenters.set(locale, segmenter);
  }
  return segmenter;
}

/**
 * Every segment of `query` in order (joining their `text` gives back the NFKC-normalized query).
 *
 * @param query - text as typed; NFKC-normalized first, so full-width `ＡＴ，` reads as `AT,`
 * @param locale - segmenter locale (default: `zh`, which also splits Latin text at spaces and punctuation)
 */
export function segmentQuery(query: string, locale = 'zh'): QuerySegment[] {
  return [...getSegmenter(locale).segment(query.normalize('NFKC'))].map((part) => ({ text: part.segment, isWord: part.isWordLike === true }));
}

/** The words of `query` in order (see `segmentQuery`). */
export function getQueryWords(query: string, locale = 'zh'): string[] {
  return segmentQuery(query, locale).filter((segment) => segment.isWord).map((segment) => segment.text);
}
