/**
 * Longest query kept in the insights, in code points (the API accepts far longer ones:
 * `MAX_QUERY_LENGTH` on GET, `MAX_POST_QUERY_LENGTH` on POST; a report needs the start only).
 */
export const MAX_INSIGHT_QUERY_LENGTH = 200;

/** The first `max` code points of `text`: never half of a surrogate pair (an emoji cut into U+FFFD). */
function cutCodePoints(text: string, max: number): string {
  let end = 0;
  let count = 0;
  for (const char of text) {
    if (count++ === max) break;
    end += char.length;
  }
  return text.slice(0, end);
}

/**
 * The form a query is counted under: Unicode NFKC (full-width letters and digits become
 * ASCII), lower case, inner whitespace collapsed, trimmed, cut to 200 code points. So
 * "ＪRaft  超时" and "jraft 超时" count as one query.
 */
export function normalizeInsightQuery(query: string): string {
  return cutCodePoints(query.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim(), MAX_INSIGHT_QUERY_LENGTH).trimEnd();
}
