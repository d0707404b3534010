import assert from 'node:assert/strict';
import { test } from 'node:test';
import request from 'supertest';
import { createApp } from '../api/create-app.ts';
import { createMetrics } from '../api/create-metrics.ts';
import { adminStatusSchema, errorBodySchema, reindexStartedSchema } from '../src/contract/response-schemas.ts';
import type { ReindexReport } from '../indexer/load/reindex-report.ts';
import { loadConfig } from '../src/config.ts';
import { createReindexScheduler } from '../indexer/load/reindex-scheduler.ts';
import { createFakeSearchBackend } from './helpers/fake-search-backend.ts';
import { createTestLogger } from './helpers/start-test-meili.ts';

const TOKEN = 'admin-token-for-tests-0123';

function report(outcome: ReindexReport['outcome']): ReindexReport {
  const now = new Date().toISOString();
  return {
    outcome, skipReason: null, indexName: 'qa', buildIndex: null, startedAt: now, finishedAt: now, durationMs: 5, fingerprint: 'f', forced: false,
    posts: { read: 3, weekly: 2, faq: 0, skipped: 1, failed: 0 }, skippedByRule: {}, messagesByRule: {}, failedPosts: [], pairs: 7, documents: 7, previousDocuments: 5,
    error: outcome === 'failed' ? { code: 'reindex-shrink-refused', message: 'refused' } : null,
  };
}

function makeApp(env: Record<string, string>) {
  let release!: () => void;
  let runs = 0;
  const logger = createTestLogger();
  const scheduler = createReindexScheduler({
    cron: '0 3 * * *', timeZone: 'UTC', logger,
    run: async () => {
      runs++;
      await new Promise<void>((resolve) => (release = resolve));
      return report('succeeded');
    },
  });
  scheduler.start();
  const app = createApp({
    backend: createFakeSearchBackend({ health: async () => ({ available: true, documents: 7 }) }),
    logger, scheduler, metrics: createMetrics({ defaultMetrics: false }),
    config: loadConfig({ LOG_LEVEL: 'silent', ...env }),
  });
  return { app, scheduler, release: () => release(), runs: () => runs };
}

test('without ADMIN_TOKEN the admin endpoints do not exist (404), even with a token sent', async () => {
  const { app, scheduler } = makeApp({});
  for (const call of [request(app).post('/api/admin/reindex'), request(app).get('/api/admin/status'), request(app).get('/api/admin/status').set('Authorization', `Bearer ${TOKEN}`)]) {
    const res = await call;
    assert.equal(res.status, 404);
    assert.equal(errorBodySchema.parse(res.body).error.code, 'not-found');
  }
  const openapi = await request(app).get('/openapi.json').expect(200);
  assert.equal(openapi.body.paths['/api/admin/status'], undefined, 'not advertised when off');
  await scheduler.stop();
});

test('with ADMIN_TOKEN: 401 without or with a wrong token; status and reindex with it; 409 while a run goes', async () => {
  const { app, scheduler, release, runs } = makeApp({ ADMIN_TOKEN: TOKEN });
  for (const auth of [undefined, 'Bearer wrong-token-0123456789', `Basic ${TOKEN}`, `Bearer ${TOKEN}x`, `Bearer ${TOKEN.slice(0, -1)}`, 'Bearer']) {
    for (const call of [request(app).post('/api/admin/reindex'), request(app).get('/api/admin/status')]) {
      const res = await (auth ? call.set('Authorization', auth) : call);
      assert.equal(res.status, 401, String(auth));
      assert.equal(errorBodySchema.parse(res.body).error.code, 'unauthorized');
      assert.match(res.headers['www-authenticate'] ?? '', /^Bearer/);
    }
  }
  assert.equal(runs(), 0);

  const before = await request(app).get('/api/admin/status').set('Authorization', `Bearer ${TOKEN}`).expect(200);
  const status = adminStatusSchema.parse(before.body);
  assert.equal(status.documents, 7);
  assert.equal(status.lastRun, null);
  assert.equal(status.schedule.enabled, true);
  assert.ok(status.nextRunAt && Date.parse(status.nextRunAt) > Date.now());
  assert.equal(before.headers['cache-control'], 'no-store');

  const started = await request(app).post('/api/admin/reindex').set('Authorization', `Bearer ${TOKEN}`).expect(202);
  reindexStartedSchema.parse(started.body);
  const busy = await request(app).post('/api/admin/reindex').set('Authorization', `Bearer ${TOKEN}`).expect(409);
  assert.equal(errorBodySchema.parse(busy.body).error.code, 'reindex-running');
  const during = adminStatusSchema.parse((await request(app).get('/api/admin/status').set('Authorization', `Bearer ${TOKEN}`).expect(200)).body);
  assert.equal(during.running, true);
  assert.equal(during.currentRun?.trigger, 'manual');

  release();
  await scheduler.idle();
  const after = adminStatusSchema.parse((await request(app).get('/api/admin/status').set('Authorization', `Bearer ${TOKEN}`).expect(200)).body);
  assert.equal(after.running, false);
  assert.equal(after.lastRun?.outcome, 'succeeded');
  assert.equal(after.lastRun?.trigger, 'manual');
  assert.equal((after.lastReport as { pairs?: number } | null)?.pairs, 7);
  assert.equal(runs(), 1);

  // the last run shows in /metrics too
  const metrics = (await request(app).get('/metrics').set('Authorization', `Bearer ${TOKEN}`).expect(200)).text;
  assert.match(metrics, /weekly_faq_reindex_last_run_outcome\{outcome="succeeded"\} 1/);
  assert.match(metrics, /weekly_faq_reindex_last_run_timestamp_seconds [1-9]/);
  // admin parameters are validated like any other
  assert.equal((await request(app).post('/api/admin/reindex?force=yes').set('Authorization', `Bearer ${TOKEN}`).expect(400)).body.error.parameter, 'force');
  await scheduler.stop();
});
