import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { createInsights } from '../src/insights/create-insights.ts';
import type { SearchEvent } from '../src/insights/insight-events.ts';
import { makeTempDir } from './helpers/start-test-meili.ts';

const DAY = 86_400_000;
const search = (ts: number, query: string): SearchEvent => ({ kind: 'search', ts, query, filters: null, hits: 1, strongHits: 1, project: null, latencyMs: 3, client: 'api', origin: null });

test('retention deletes searches, clicks and votes older than INSIGHTS_RETENTION_DAYS, and keeps the rest', async () => {
  let now = Date.UTC(2026, 5, 1);
  const insights = createInsights({ file: path.join(await makeTempDir(), 'insights.sqlite'), retentionDays: 90, now: () => now, flushIntervalMs: 60_000 });
  try {
    insights.record(search(now - 120 * DAY, 'old query'));
    insights.record(search(now - 10 * DAY, 'recent query'));
    insights.record({ kind: 'click', ts: now - 100 * DAY, key: 'k1', recordId: 'a', position: 1, query: 'old query', client: 'page' });
    insights.record({ kind: 'feedback', ts: now - 95 * DAY, key: 'k2', recordId: 'a', helpful: false, query: 'old query', client: 'page' });
    insights.flush();
    assert.equal(insights.enforceRetention(), 3);
    const report = await insights.query({ days: 3650 });
    assert.deepEqual(report.topQueries.map((q) => q.query), ['recent query']);
    assert.equal(report.totals.clicks + report.totals.unhelpful, 0);
    now += 85 * DAY; // the recent one is now 95 days old
    assert.equal(insights.enforceRetention(), 1);
    assert.equal((await insights.query()).totals.searches, 0);
  } finally {
    insights.close();
  }
});
