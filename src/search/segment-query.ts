/**
 * Split a search query into words with the ICU word segmenter (`Intl.Segmenter`, Chinese
 * dictionary), so Chinese questions typed without spaces become separate words that can be
 * filtered (see `dropQueryStopwords`) and re-joined with spaces.
 *
 * ICU cuts Chinese finer than Meilisearch's own segmenter (jieba): `注册中心` becomes `注册`,
 * `中心`. That is harmless: Meilisearch also tries the concatenation of two or three adjacent
 * query words, so `注册 中心` still matches the indexed word `注册中心`.
 *
 * Latin identifiers keep their dots and underscores (`com.alipay.sofa`, `undo_log`), as the
 * segmenter already does; punctuation and spaces are dropped.
 */

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
 * The words of `query`, in order (punctuation, spaces and symbols removed).
 *
 * @param query - text as typed; NFKC-normalized first, so full-width `ＡＴ，` reads as `AT,`
 * @param locale - segmenter locale (default: `zh`, which also splits Latin text at spaces and punctuation)
 */
export function segmentQuery(query: string, locale = 'zh'): string[] {
  const words: string[] = [];
  for (const part of getSegmenter(locale).segment(query.normalize('NFKC'))) {
    if (part.isWordLike) words.push(part.segment);
  }
  return words;
}
