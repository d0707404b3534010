import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import { createReindexJob } from '../indexer/load/create-reindex-job.ts';
import { createReindexScheduler } from '../indexer/load/reindex-scheduler.ts';
import { startTestMeili, type TestMeili } from './helpers/start-test-meili.ts';

const FIXTURES = fileURLToPath(new URL('./fixtures/posts', import.meta.url));
let meili: TestMeili;
before(async () => {
  meili = await startTestMeili({ WEEKLY_SOURCE: FIXTURES });
});
after(async () => {
  await meili?.stop();
});

test('the scheduled job indexes WEEKLY_SOURCE; a failed run keeps live serving and is reported', async () => {
  let source: string[] | undefined;
  const job = createReindexJob({ config: meili.config, connection: meili.connection, logger: meili.logger });
  const scheduler = createReindexScheduler({
    cron: meili.config.reindexCron, timeZone: meili.config.timeZone, logger: meili.logger,
    run: () => job({ sources: source }),
  });

  const first = await scheduler.trigger('cron');
  assert.equal(first?.outcome, 'succeeded', JSON.stringify(first?.error));
  assert.ok((first?.documents ?? 0) > 0);
  const live = first?.documents ?? 0;
  assert.equal(scheduler.getStatus().lastRun?.outcome, 'succeeded');

  const unchanged = await scheduler.trigger('cron');
  assert.equal(unchanged?.outcome, 'skipped');

  // The source loses every post: the run is refused, reported, and searches still see the live index.
  const empty = path.join(meili.dataDir, 'empty');
  await fs.mkdir(empty);
  source = [empty];
  const failed = await scheduler.trigger('cron');
  assert.equal(failed?.outcome, 'failed');
  const status = scheduler.getStatus();
  assert.equal(status.lastRun?.outcome, 'failed');
  assert.equal(status.lastRun?.error?.code, 'reindex-shrink-refused');
  const result = await meili.search.index(meili.config.indexName).search('', { hitsPerPage: 1 });
  assert.equal(result.totalHits, live);

  // No source at all is a configuration error, reported the same way.
  const noSource = createReindexScheduler({
    cron: null, timeZone: 'UTC', logger: meili.logger,
    run: () => createReindexJob({ config: { ...meili.config, weeklySource: undefined }, connection: meili.connection, logger: meili.logger })(),
  });
  await noSource.trigger();
  assert.equal(noSource.getStatus().lastRun?.error?.code, 'config-invalid');
});
