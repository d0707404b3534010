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

const OLD = 600; // under maxTotalHits (1000), so totalHits is exact
const NEW = 640;

test('searches during a reindex always see one whole index, old or new', async () => {
  const live = meili.config.indexName;
  const first = await reindex({
    client: meili.admin, indexName: live, logger: meili.logger,
    records: streamOf(makeRecords(OLD, 0, { year: 2020, date: '2020-06-01' })),
  });
  assert.equal(first.outcome, 'succeeded', JSON.stringify(first.error));

  const seen: string[] = [];
  const check = async () => {
    const result = await meili.search.index(live).search('', { hitsPerPage: 1, page: 1, facets: ['year'] });
    seen.push(`${result.totalHits}:${JSON.stringify(result.facetDistribution?.year)}`);
  };
  let running = true;
  const loop = (async () => {
    while (running) await check();
  })();
  const probes: Promise<void>[] = [];
  const report = await reindex({
    client: meili.admin, indexName: live, logger: meili.logger, batchSize: 100, concurrency: 2,
    records: streamOf(makeRecords(NEW, 10_000, { year: 2021, date: '2021-06-01' })),
    // Also probe at every progress step, so each phase is observed whatever the timing.
    onProgress: () => probes.push(check()),
  });
  running = false;
  await loop;
  await Promise.all(probes);
  await check();

  assert.equal(report.outcome, 'succeeded', JSON.stringify(report.error));
  assert.equal(report.documents, NEW);
  assert.equal(report.previousDocuments, OLD);
  const allowed = new Set([`${OLD}:{"2020":${OLD}}`, `${NEW}:{"2021":${NEW}}`]);
  const bad = seen.filter((s) => !allowed.has(s));
  assert.deepEqual(bad, [], `partial or empty results seen: ${bad.slice(0, 5).join(', ')}`);
  assert.ok(seen.includes(`${OLD}:{"2020":${OLD}}`), 'the old index was searched during the reindex');
  assert.equal(seen.at(-1), `${NEW}:{"2021":${NEW}}`);

  // Only the live index is left (of this test's: a shared server has other tests' indexes too).
  const { results } = await meili.admin.getRawIndexes({ limit: 1000 });
  assert.deepEqual(results.map((i) => i.uid).filter((uid) => uid.startsWith(live)), [live]);
});
