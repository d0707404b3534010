import assert from 'node:assert/strict';
import { test } from 'node:test';
import request from 'supertest';
import { createApp } from '../api/create-app.ts';
import { createMetrics } from '../api/create-metrics.ts';
import { adminStatusSchema } from '../src/contract/response-schemas.ts';
import type { ReindexReport } from '../indexer/load/reindex-report.ts';
import { loadConfig } from '../src/config.ts';
import { createReindexScheduler } from '../indexer/load/reindex-scheduler.ts';
import { createFakeSearchBackend } from './helpers/fake-search-backend.ts';
import { createTestLogger } from './helpers/start-test-meili.ts';

// A reindex of the whole corpus at 100x takes minutes: /api/admin/status said only that a run was
// going, never whether it was reading posts, indexing or stuck.

const TOKEN = 'admin-token-for-tests-0123';

test('while a run goes, /api/admin/status shows its step and counts as the run reports them', async () => {
  let release!: () => void;
  let report!: (progress: Parameters<Parameters<typeof createReindexScheduler>[0]['run']>[1]['onProgress']) => void;
  const reported = new Promise<void>((resolve) => {
    report = (onProgress) => {
      onProgress({ phase: 'extract', postsRead: 120, postsTotal: 520, pairs: 300, documentsIndexed: 0 });
      resolve();
    };
  });
  const logger = createTestLogger();
  const scheduler = createReindexScheduler({
    cron: null, timeZone: 'UTC', logger,
    run: async (_trigger, { onProgress }) => {
      report(onProgress);
      await new Promise<void>((resolve) => (release = resolve));
      return { outcome: 'succeeded', error: null } as ReindexReport;
    },
  });
  const app = createApp({
    backend: createFakeSearchBackend({ health: async () => ({ available: true, documents: 7 }) }),
    logger, scheduler, metrics: createMetrics({ defaultMetrics: false }),
    config: loadConfig({ LOG_LEVEL: 'silent', ADMIN_TOKEN: TOKEN }),
  });
  const status = async () => adminStatusSchema.parse((await request(app).get('/api/admin/status').set('Authorization', `Bearer ${TOKEN}`).expect(200)).body);

  await request(app).post('/api/admin/reindex').set('Authorization', `Bearer ${TOKEN}`).expect(202);
  await reported;
  const during = await status();
  assert.equal(during.running, true);
  assert.deepEqual(during.currentRun?.progress, { phase: 'extract', postsRead: 120, postsTotal: 520, pairs: 300, documentsIndexed: 0 });

  release();
  await scheduler.idle();
  assert.equal((await status()).currentRun, null);
});
