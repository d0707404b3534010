import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import request from 'supertest';
import { createApp } from '../api/create-app.ts';
import { createMetrics } from '../api/create-metrics.ts';
import { loadConfig } from '../src/config.ts';
import { createInsights } from '../src/insights/create-insights.ts';
import { createFakeSearchBackend } from './helpers/fake-search-backend.ts';
import { createTestLogger, makeTempDir } from './helpers/start-test-meili.ts';

const TOKEN = 'admin-token-for-tests-0123';
const SESSION = 'a1b2c3d4e5f6a7b8c9d0';

async function makeApp(env: Record<string, string> = {}) {
  const insights = createInsights({ file: path.join(await makeTempDir(), 'insights.sqlite'), flushIntervalMs: 60_000 });
  const app = createApp({
    backend: createFakeSearchBackend(), logger: createTestLogger(), metrics: createMetrics({ defaultMetrics: false }), insights,
    config: loadConfig({ LOG_LEVEL: 'silent', ADMIN_TOKEN: TOKEN, ...env }),
  });
  return { app, insights };
}

test('feedback is idempotent per browser session: the same vote twice counts once, a changed vote replaces it', async () => {
  const { app, insights } = await makeApp();
  const vote = (helpful: boolean, session = SESSION) => request(app).post('/api/feedback').set('Content-Type', 'text/plain')
    .send(JSON.stringify({ id: 'rec-1', helpful, query: 'jraft 超时', session })).expect(202);
  assert.deepEqual((await vote(false)).body, { recorded: true });
  await vote(false);
  insights.flush();
  let totals = (await insights.query()).totals;
  assert.deepEqual([totals.helpful, totals.unhelpful], [0, 1]);
  await vote(true);
  await vote(false, 'another-session-0000000');
  insights.flush();
  totals = (await insights.query()).totals;
  assert.deepEqual([totals.helpful, totals.unhelpful], [1, 1]);
  const report = await insights.query();
  assert.deepEqual(report.unhelpfulAnswers, [{ recordId: 'rec-1', unhelpful: 1, helpful: 1, queries: [{ query: 'jraft 超时', count: 1 }] }]);
  // a click twice in a session counts once; JSON content type works too
  for (let i = 0; i < 2; i++) {
    await request(app).post('/api/click').send({ id: 'rec-1', position: 2, query: 'jraft 超时', session: SESSION }).expect(202);
  }
  insights.flush();
  assert.equal((await insights.query()).totals.clicks, 1);
  insights.close();
});

test('feedback and click posts are rate limited per client (429 with Retry-After)', async () => {
  const { app, insights } = await makeApp({ FEEDBACK_RATE_LIMIT: '3' });
  for (let i = 0; i < 3; i++) {
    await request(app).post('/api/click').send({ id: 'rec-1', position: i + 1, query: 'q', session: SESSION }).expect(202);
  }
  const limited = await request(app).post('/api/feedback').send({ id: 'rec-1', helpful: true, session: SESSION }).expect(429);
  assert.equal(limited.body.error.code, 'rate-limited');
  assert.ok(limited.headers['retry-after']);
  insights.close();
});

test('bad feedback bodies answer 400 naming what is wrong', async () => {
  const { app, insights } = await makeApp();
  const cases: [string, string][] = [
    ['not json', 'body'],
    [JSON.stringify({ id: 'rec-1', helpful: 'yes', session: SESSION }), 'helpful'],
    [JSON.stringify({ id: '<script>', helpful: true, session: SESSION }), 'id'],
    [JSON.stringify({ id: 'rec-1', helpful: true, session: 'short' }), 'session'],
    [JSON.stringify({ id: 'rec-1', helpful: true, session: SESSION, extra: 1 }), 'extra'],
  ];
  for (const [body, parameter] of cases) {
    const res = await request(app).post('/api/feedback').set('Content-Type', 'text/plain').send(body).expect(400);
    assert.equal(res.body.error.parameter, parameter, body);
  }
  insights.close();
});

test('admin insights endpoints refuse without the token, and the CSV neutralizes formulas', async () => {
  const { app, insights } = await makeApp();
  await request(app).get('/api/admin/insights').expect(401);
  await request(app).get('/api/admin/insights').set('Authorization', 'Bearer wrong-token-000000000').expect(401);
  await request(app).get('/api/admin/insights.csv?list=top-queries').expect(401);
  insights.record({ kind: 'search', ts: Date.now(), query: '=HYPERLINK("http://evil")', filters: null, hits: 0, strongHits: 0, project: null, latencyMs: 1, client: 'api', origin: null });
  insights.flush();
  const ok = await request(app).get('/api/admin/insights?days=7').set('Authorization', `Bearer ${TOKEN}`).expect(200);
  assert.deepEqual(ok.body.zeroHitQueries.map((q: { query: string }) => q.query), ['=hyperlink("http://evil")']);
  assert.deepEqual(ok.body.contentGaps.map((q: { query: string }) => q.query), ['=hyperlink("http://evil")']);
  const csv = await request(app).get('/api/admin/insights.csv?list=zero-hit-queries').set('Authorization', `Bearer ${TOKEN}`).expect(200).expect('Content-Type', /text\/csv/);
  assert.match(csv.text, /^\uFEFFquery,searches,lastSeen\r\n"'=hyperlink\(""http:\/\/evil""\)",1,/);
  await request(app).get('/api/admin/insights.csv?list=nope').set('Authorization', `Bearer ${TOKEN}`).expect(400);
  const off = createApp({ backend: createFakeSearchBackend(), logger: createTestLogger(), metrics: createMetrics({ defaultMetrics: false }), insights, config: loadConfig({ LOG_LEVEL: 'silent' }) });
  await request(off).get('/api/admin/insights').expect(404);
  insights.close();
});
