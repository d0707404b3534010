import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createMeiliSearchBackend } from '../api/meili-search-backend.ts';
import { toSearchRequest } from '../src/contract/request-schemas.ts';
import { waitForTask } from '../src/meili/wait-for-task.ts';
import { getIndexSettings } from '../src/search/index-settings.ts';
import { toIndexDocument } from '../src/search/to-index-document.ts';
import { makeRecords } from './helpers/make-record.ts';
import { startTestMeili, type TestMeili } from './helpers/start-test-meili.ts';

// The empty query's listing is reused until the index changes: clearCache() after a reindex.
let meili: TestMeili;
before(async () => {
  meili = await startTestMeili();
  const uid = meili.config.indexName;
  await waitForTask(meili.admin, meili.admin.createIndex(uid, { primaryKey: 'id' }), { operation: `create ${uid}` });
  await waitForTask(meili.admin, meili.admin.index(uid).updateSettings(getIndexSettings()), { operation: 'settings' });
  await waitForTask(meili.admin, meili.admin.index(uid).addDocuments(makeRecords(3).map(toIndexDocument)), { operation: 'documents' });
});
after(async () => {
  await meili?.stop();
});

test('an empty query is answered from the cache until clearCache(); a query never is', async () => {
  const uid = meili.config.indexName;
  const backend = createMeiliSearchBackend({ connection: meili.connection, indexName: uid, listingCacheMs: 600_000 });
  const first = await backend.search(toSearchRequest());
  assert.equal(first.totalHits, 3);
  await waitForTask(meili.admin, meili.admin.index(uid).addDocuments(makeRecords(5).map(toIndexDocument)), { operation: 'more documents' });
  assert.equal((await backend.search(toSearchRequest())).totalHits, 3, 'cached listing');
  assert.equal((await backend.search(toSearchRequest({ page: 2, hitsPerPage: 1 }))).totalHits, 5, 'another listing is its own entry');
  backend.clearCache();
  assert.equal((await backend.search(toSearchRequest())).totalHits, 5, 'after clearCache');
});
