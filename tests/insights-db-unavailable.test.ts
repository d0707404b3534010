import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { after, before, test } from 'node:test';
import request from 'supertest';
import { TEST_ADMIN_TOKEN } from './helpers/start-api-test.ts';
import { openInsightsDb } from '../src/insights/open-insights-db.ts';
import { startInsightsTest, type InsightsTest } from './helpers/start-insights-test.ts';

let t: InsightsTest;
let immutable = false;
before(async () => {
  t = await startInsightsTest();
});
after(async () => {
  if (immutable) execFileSync('chattr', ['-i', t.file]);
  await t?.stop();
});

/** Make the file unwritable even for root (chattr +i), or by mode for anyone else; false when neither works here. */
function makeReadOnly(file: string): boolean {
  fs.chmodSync(file, 0o444);
  if (process.getuid?.() === 0) {
    try {
      execFileSync('chattr', ['+i', file], { stdio: 'ignore' });
      immutable = true;
    } catch {
      return false;
    }
  }
  try {
    fs.appendFileSync(file, '');
    fs.writeFileSync(file, fs.readFileSync(file));
    return false;
  } catch {
    return true;
  }
}

test('a search answers while the insights file is read-only; the events are dropped and counted', async (context) => {
  openInsightsDb(t.file).close();
  if (!makeReadOnly(t.file)) {
    context.skip('cannot make a file read-only on this machine');
    return;
  }
  const res = await request(t.app).get('/api/search?q=jraft').expect(200);
  assert.ok(res.body.hits.length >= 1);
  t.insights.flush();
  assert.equal(t.insights.getDropped().unavailable, 1);
  const metrics = await request(t.app).get('/metrics').set('Authorization', `Bearer ${TEST_ADMIN_TOKEN}`).expect(200);
  assert.match(metrics.text, /weekly_faq_insights_events_dropped_total\{reason="unavailable"\} 1/);
  await request(t.app).get('/api/admin/insights').set('Authorization', 'Bearer test-admin-token-0123456789').expect(503)
    .expect((r) => assert.equal(r.body.error.code, 'insights-unavailable'));
  if (immutable) execFileSync('chattr', ['-i', t.file]);
  immutable = false;
  fs.chmodSync(t.file, 0o644);
});

test('a search answers after the insights file is deleted, and the file is recreated', async () => {
  await request(t.app).get('/api/search?q=mosn').expect(200);
  t.insights.flush();
  fs.rmSync(t.file);
  for (const suffix of ['-wal', '-shm']) fs.rmSync(t.file + suffix, { force: true });
  const res = await request(t.app).get('/api/search?q=seata').expect(200);
  assert.ok(res.body.hits.length >= 1);
  t.insights.flush();
  assert.ok(fs.existsSync(t.file), 'recreated');
  const report = await request(t.app).get('/api/admin/insights').set('Authorization', 'Bearer test-admin-token-0123456789').expect(200);
  assert.deepEqual(report.body.topQueries.map((q: { query: string }) => q.query), ['seata']);
});
