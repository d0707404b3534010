// test-runner: alone (its own Meilisearch, which one test SIGKILLs)
import assert from 'node:assert/strict';
import { once } from 'node:events';
import path from 'node:path';
import { after, before, beforeEach, test } from 'node:test';
import { reindex } from '../indexer/load/reindex.ts';
import { makeRecord, makeRecords, streamOf } from './helpers/make-record.ts';
import { startTestMeili, type TestMeili } from './helpers/start-test-meili.ts';

let meili: TestMeili;
const LIVE = 300;

/** What a client of the live index can observe. */
async function snapshotLive() {
  const index = meili.admin.index('qa');
  const stats = await index.getStats();
  const hit = await meili.search.index('qa').search('', { filter: 'year = 2020', limit: 1 });
  const settings = await index.getSettings();
  return { documents: stats.numberOfDocuments, estimated: hit.estimatedTotalHits, searchable: settings.searchableAttributes };
}

async function buildIndexes(): Promise<string[]> {
  const { results } = await meili.admin.getRawIndexes();
  return results.map((i) => i.uid).filter((uid) => uid !== 'qa');
}

before(async () => {
  // its own server: one test kills it
  meili = await startTestMeili({}, { own: true });
});
beforeEach(async () => {
  const report = await reindex({
    client: meili.admin, indexName: 'qa', logger: meili.logger, force: true,
    records: streamOf(makeRecords(LIVE, 0, { year: 2020, date: '2020-06-01' })),
  });
  assert.equal(report.outcome, 'succeeded', JSON.stringify(report.error));
});
after(async () => {
  await meili?.stop();
});

test('a source path that does not exist fails the run and leaves live as it was', async () => {
  const before = await snapshotLive();
  const report = await reindex({
    client: meili.admin, indexName: 'qa', logger: meili.logger, dataDir: meili.dataDir,
    records: [path.join(meili.dataDir, 'no-such-folder')],
  });
  assert.equal(report.outcome, 'failed');
  assert.equal(report.error?.code, 'reindex-source-missing');
  assert.equal(report.documents, LIVE);
  assert.deepEqual(await snapshotLive(), before);
  assert.deepEqual(await buildIndexes(), []);
});

test('a failed Meilisearch task fails the run, deletes the build index and leaves live as it was', async () => {
  const before = await snapshotLive();
  const records = [...makeRecords(350, 1000, { year: 2021 }), makeRecord(2000, { id: 'not a valid id!' })];
  const report = await reindex({ client: meili.admin, indexName: 'qa', logger: meili.logger, batchSize: 100, records: streamOf(records) });
  assert.equal(report.outcome, 'failed');
  assert.equal(report.error?.code, 'meili-task-failed');
  assert.equal(report.error?.taskCode, 'invalid_document_id');
  assert.deepEqual(await snapshotLive(), before);
  assert.deepEqual(await buildIndexes(), []);
});

test('a record the mapper rejects fails the run and leaves live as it was', async () => {
  const before = await snapshotLive();
  const records = [...makeRecords(310, 1000), makeRecord(2001, { date: 'yesterday' })];
  const report = await reindex({ client: meili.admin, indexName: 'qa', logger: meili.logger, records: streamOf(records) });
  assert.equal(report.error?.code, 'invalid-record');
  assert.deepEqual(await snapshotLive(), before);
  assert.deepEqual(await buildIndexes(), []);
});

test('Meilisearch killed in the middle of a run: the run fails, the server comes back with live as it was', async () => {
  const before = await snapshotLive();
  const embedded = meili.connection.embedded;
  assert.ok(embedded?.pid, 'embedded server pid');
  const restarted = once(embedded, 'restarted');
  let killed = false;
  const report = await reindex({
    client: meili.admin, indexName: 'qa', logger: meili.logger, batchSize: 50, concurrency: 1,
    records: streamOf(makeRecords(400, 5000, { year: 2021 })),
    onProgress: (p) => {
      // After the first batch is indexed in the build index: kill the server.
      if (!killed && p.documentsIndexed > 0 && embedded.pid) {
        killed = true;
        process.kill(embedded.pid, 'SIGKILL');
      }
    },
  });
  assert.ok(killed);
  assert.equal(report.outcome, 'failed');
  assert.equal(report.error?.code, 'meili-unreachable');
  await restarted;
  await embedded.ready();
  assert.equal(embedded.restarts, 1);
  assert.deepEqual(await snapshotLive(), before);

  // The next run cleans up the build index the killed run could not delete, and succeeds.
  const next = await reindex({
    client: meili.admin, indexName: 'qa', logger: meili.logger, staleBuildMs: 0,
    records: streamOf(makeRecords(LIVE, 0, { year: 2020, date: '2020-06-01' })),
  });
  assert.equal(next.outcome, 'succeeded', JSON.stringify(next.error));
  assert.deepEqual(await buildIndexes(), []);
});
