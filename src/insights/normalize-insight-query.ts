/** Longest query kept in the insights (the API accepts 512 characters). */
export const MAX_INSIGHT_QUERY_LENGTH = 200;

/**
 * The form a query is counted under: Unicode NFKC (full-width letters and digits become
 * ASCII), lower case, inner whitespace collapsed, trimmed, cut to 200 characters. So
 * "ＪRaft  超时" and "jraft 超时" count as one query.
 */
export function normalizeInsightQuery(query: string): string {
  return query.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim().slice(0, MAX_INSIGHT_QUERY_LENGTH);
}
