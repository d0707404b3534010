// Fault suite (issue 10): counts past Meilisearch's 1000-hit cap, build indexes left by a killed
// run, and a changed source, on a real Meilisearch.
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { after, before, test } from 'node:test';
import request from 'supertest';
import { createApp } from '../api/create-app.ts';
import { createMetrics } from '../api/create-metrics.ts';
import { createMeiliSearchBackend } from '../api/meili-search-backend.ts';
import { reindex } from '../indexer/load/reindex.ts';
import { getReindexStatePath, readIndexState } from '../indexer/load/reindex-state.ts';
import { loadConfig } from '../src/config.ts';
import { makeRecords, streamOf } from './helpers/make-record.ts';
import { startTestMeili, type TestMeili } from './helpers/start-test-meili.ts';

const TOKEN = 'fault-suite-admin-token-0123';
const FIXTURES = path.resolve('tests/fixtures/posts');
let meili: TestMeili;

before(async () => {
  // its own server: it connects the service by DATA_DIR and lists every index
  meili = await startTestMeili({}, { own: true });
});
after(async () => {
  await meili?.stop();
});

test('every count reports all 1,200 documents, not the 1000 a search caps at', async () => {
  const report = await reindex({ client: meili.admin, indexName: 'big', logger: meili.logger, records: streamOf(makeRecords(1200)) });
  assert.equal(report.outcome, 'succeeded', JSON.stringify(report.error));
  // the service's own keys are made for INDEX_NAME: a connection for `big`
  const { connectMeili } = await import('../src/meili/connect-meili.ts');
  const config = loadConfig({ DATA_DIR: meili.dataDir, LOG_LEVEL: 'silent', INDEX_NAME: 'big', ADMIN_TOKEN: TOKEN, SEARCH_RATE_LIMIT: '0' });
  const connection = await connectMeili(config, meili.logger);
  const backend = createMeiliSearchBackend({ connection, indexName: 'big' });
  const scheduler = {
    getStatus: () => ({ enabled: false, cron: null, timeZone: 'UTC', running: false, currentRun: null, nextRunAt: null, lastRun: null, skippedOverlaps: 0 }),
    trigger: async () => null,
  };
  const app = createApp({ backend, logger: meili.logger, config, scheduler, metrics: createMetrics({ defaultMetrics: false }) });
  const auth = { Authorization: `Bearer ${TOKEN}` };
  assert.equal((await request(app).get('/readyz').expect(200)).body.documents, 1200);
  assert.equal((await request(app).get('/api/facets').expect(200)).body.total, 1200);
  assert.equal((await request(app).get('/api/admin/status').set(auth).expect(200)).body.documents, 1200);
  assert.match((await request(app).get('/metrics').set(auth).expect(200)).text, /^weekly_faq_index_documents 1200$/m);
  await connection.stop();
});

test('a build index left by a killed run is deleted at the start of the next run, never the live one or another index\'s', async () => {
  const first = await reindex({ client: meili.admin, indexName: 'qa', logger: meili.logger, dataDir: meili.dataDir, records: streamOf(makeRecords(20)), fingerprint: 'a' });
  assert.equal(first.outcome, 'succeeded', JSON.stringify(first.error));
  // what a run killed mid-build leaves: a fresh (seconds old) build index
  const leftover = `qa_build_${Date.now()}`;
  const otherIndexBuild = `qb_build_${Date.now()}`;
  await meili.admin.createIndex(leftover, { primaryKey: 'id' }).waitTask();
  await meili.admin.createIndex(otherIndexBuild, { primaryKey: 'id' }).waitTask();
  // even a run that finds nothing to do cleans up
  const skipped = await reindex({ client: meili.admin, indexName: 'qa', logger: meili.logger, dataDir: meili.dataDir, records: streamOf(makeRecords(20)), fingerprint: 'a' });
  assert.equal(skipped.outcome, 'skipped');
  const uids = (await meili.admin.getRawIndexes()).results.map((i) => i.uid);
  assert.equal(uids.includes(leftover), false, 'the leftover is gone');
  assert.ok(uids.includes('qa') && uids.includes(otherIndexBuild), uids.join(', '));
  assert.equal((await meili.admin.index('qa').getStats()).numberOfDocuments, 20);
});

test('the source\'s identity is part of the fingerprint and of the saved state: the same posts elsewhere are another source', async () => {
  const copy = path.join(meili.dataDir, 'copy-of-fixtures');
  await fs.cp(FIXTURES, copy, { recursive: true });
  const run = (source: string) => reindex({ client: meili.admin, indexName: 'src', logger: meili.logger, dataDir: meili.dataDir, records: [source] });
  const first = await run(FIXTURES);
  assert.equal(first.outcome, 'succeeded', JSON.stringify(first.error));
  assert.equal((await run(FIXTURES)).outcome, 'skipped');
  const moved = await run(copy);
  assert.equal(moved.outcome, 'succeeded', 'a different source rebuilds');
  assert.notEqual(moved.fingerprint, first.fingerprint);
  assert.deepEqual((await readIndexState(getReindexStatePath(meili.dataDir), 'src'))?.sources, [copy]);
});
