import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MAX_INSIGHT_QUERY_LENGTH, normalizeInsightQuery } from '../src/insights/normalize-insight-query.ts';

test('a long query is kept as its first 200 code points: an emoji is never cut in half', () => {
  const kept = normalizeInsightQuery(`a${'😀'.repeat(250)}`);
  assert.equal([...kept].length, MAX_INSIGHT_QUERY_LENGTH);
  assert.equal(kept, `a${'😀'.repeat(MAX_INSIGHT_QUERY_LENGTH - 1)}`);
  assert.doesNotMatch(kept, /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/, 'no lone surrogate');
  assert.equal(normalizeInsightQuery('𠀀'.repeat(300)), '𠀀'.repeat(MAX_INSIGHT_QUERY_LENGTH), 'CJK beyond the BMP too');
  assert.equal(normalizeInsightQuery('jraft'), 'jraft');
});
