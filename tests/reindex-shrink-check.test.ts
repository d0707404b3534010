import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { reindex } from '../indexer/load/reindex.ts';
import { makeRecords, streamOf } from './helpers/make-record.ts';
import { startTestMeili, type TestMeili } from './helpers/start-test-meili.ts';

let meili: TestMeili;
before(async () => {
  meili = await startTestMeili();
});
after(async () => {
  await meili?.stop();
});

const run = (count: number, force = false) =>
  reindex({ client: meili.admin, indexName: meili.config.indexName, logger: meili.logger, force, records: streamOf(makeRecords(count)) });

async function liveCount(): Promise<number> {
  return (await meili.admin.index(meili.config.indexName).getStats()).numberOfDocuments;
}

test('a rebuild losing more than 10% of the live documents is refused unless forced', async () => {
  assert.equal((await run(100)).outcome, 'succeeded');

  const refused = await run(89);
  assert.equal(refused.outcome, 'failed');
  assert.equal(refused.error?.code, 'reindex-shrink-refused');
  assert.match(refused.error?.message ?? '', /89 documents, 11 fewer than the live 100/);
  assert.equal(refused.documents, 100);
  assert.equal(await liveCount(), 100);
  // (of this test's indexes: a shared server has other tests' too)
  const { results } = await meili.admin.getRawIndexes({ limit: 1000 });
  assert.deepEqual(results.map((i) => i.uid).filter((uid) => uid.startsWith(meili.config.indexName)), [meili.config.indexName], 'the refused build index is deleted');

  const tenPercent = await run(90);
  assert.equal(tenPercent.outcome, 'succeeded', 'losing exactly 10% is allowed');
  assert.equal(await liveCount(), 90);

  const forced = await run(10, true);
  assert.equal(forced.outcome, 'succeeded');
  assert.equal(forced.forced, true);
  assert.equal(await liveCount(), 10);

  const growing = await run(500);
  assert.equal(growing.outcome, 'succeeded');
  assert.equal(await liveCount(), 500);
});
