import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import Database from 'libsql';
import request from 'supertest';
import { TEST_ADMIN_TOKEN } from './helpers/start-api-test.ts';
import { startInsightsTest, type InsightsTest } from './helpers/start-insights-test.ts';

let t: InsightsTest;
before(async () => {
  t = await startInsightsTest();
});
after(() => t?.stop());

function rows(sql: string): Record<string, unknown>[] {
  const db = new Database(t.file, { readonly: true });
  try {
    return db.prepare(sql).all() as Record<string, unknown>[];
  } finally {
    db.close();
  }
}

test('each search is recorded in the SQLite file: normalized query, filters, hits, client and origin; nothing personal', async () => {
  await request(t.app).get('/api/search?q=%EF%BC%AD%EF%BC%AF%EF%BC%B3%EF%BC%AE%20%20HTTP/2&project=MOSN') // full-width "ＭＯＳＮ"
    .set('Origin', 'https://docs.example.com').set('X-Forwarded-For', '203.0.113.9').expect(200);
  await request(t.app).get('/api/search?q=nothing-matches-this-zzzz').set('Sec-Fetch-Site', 'same-origin').expect(200);
  await request(t.app).get('/api/search?q=jraft&page=2').expect(200); // a page turn is not a new search
  t.insights.flush();
  const recorded = rows('SELECT * FROM searches ORDER BY id');
  assert.equal(recorded.length, 2);
  assert.equal(recorded[0]!.query, 'mosn http/2');
  assert.equal(recorded[0]!.filters, '{"projects":["MOSN"]}');
  assert.ok(Number(recorded[0]!.hits) >= 1);
  assert.equal(recorded[0]!.client, 'widget');
  assert.equal(recorded[0]!.origin, 'https://docs.example.com');
  assert.deepEqual([recorded[1]!.query, recorded[1]!.hits, recorded[1]!.client, recorded[1]!.origin], ['nothing-matches-this-zzzz', 0, 'page', null]);
  const stored = JSON.stringify(rows('SELECT * FROM searches'));
  assert.doesNotMatch(stored, /203\.0\.113\.9|127\.0\.0\.1|::ffff/, 'no IP address anywhere');
  const columns = rows("SELECT name FROM pragma_table_info('searches')").map((c) => c.name);
  assert.deepEqual(columns, ['id', 'ts', 'query', 'filters', 'hits', 'strong', 'project', 'latency_ms', 'client', 'origin']);
});

test('queries that look like secrets are dropped and counted, never stored', async () => {
  for (const q of ['password=hunter2hunter2', 'ghp_0123456789abcdefghijABCDEFGHIJ012345', 'token: eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.abcdefghijk', 'mail me at someone@example.com']) {
    await request(t.app).get(`/api/search?q=${encodeURIComponent(q)}`).expect(200);
  }
  await request(t.app).get(`/api/search?q=${encodeURIComponent('忘记密码怎么办')}`).expect(200); // about passwords, holds none
  t.insights.flush();
  const stored = rows('SELECT query FROM searches').map((r) => r.query);
  assert.ok(stored.includes('忘记密码怎么办'));
  for (const secret of ['hunter2', 'ghp_', 'eyj', 'someone@']) assert.ok(!stored.some((q) => String(q).includes(secret)), secret);
  assert.equal(t.insights.getDropped().secret, 4);
  const metrics = await request(t.app).get('/metrics').set('Authorization', `Bearer ${TEST_ADMIN_TOKEN}`).expect(200);
  assert.match(metrics.text, /weekly_faq_insights_events_dropped_total\{reason="secret"\} 4/);
});
