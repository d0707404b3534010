/** Identical search answers revalidate as the same, whatever Meilisearch's timing. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serializeSearchAnswer } from '../api/routes/create-search-router.ts';

test('the body is the whole answer and the ETag ignores processingTimeMs', () => {
  const fast = serializeSearchAnswer({ query: 'jraft', totalHits: 2, processingTimeMs: 3 });
  const slow = serializeSearchAnswer({ query: 'jraft', totalHits: 2, processingTimeMs: 40 });
  assert.deepEqual(JSON.parse(fast.body.toString()), { query: 'jraft', totalHits: 2, processingTimeMs: 3 });
  assert.equal(fast.etag, slow.etag);
  assert.match(fast.etag, /^W\/"[\w-]+"$/);
  assert.notEqual(fast.etag, serializeSearchAnswer({ query: 'jraft', totalHits: 3, processingTimeMs: 3 }).etag);
  assert.deepEqual(JSON.parse(serializeSearchAnswer({ processingTimeMs: 1 }).body.toString()), { processingTimeMs: 1 });
});
