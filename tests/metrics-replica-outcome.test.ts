// The per-replica reindex gauge: an operator alerts on a replica that failed its part of the
// reindex while the run as a whole succeeded (the other replicas swapped).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createMetrics } from '../api/create-metrics.ts';

const run = (replicas: { url: string; outcome: 'succeeded' | 'skipped' | 'failed' }[]) => ({
  enabled: true, schedule: '0 3 * * *', timezone: 'UTC', running: false, nextRunAt: null,
  lastRun: {
    trigger: 'schedule', startedAt: '2026-11-30T03:00:00.000Z', finishedAt: '2026-11-30T03:00:20.000Z', outcome: 'succeeded', error: null,
    report: { outcome: 'succeeded', replicas, failedReplicas: replicas.filter((r) => r.outcome === 'failed').map((r) => r.url) },
  },
});

test('a replica that failed its part of a successful reindex shows in /metrics', async () => {
  const metrics = createMetrics({ defaultMetrics: false });
  metrics.refresh({ documents: 754, reindex: run([
    { url: 'http://meili1:7700', outcome: 'succeeded' },
    { url: 'http://meili2:7700', outcome: 'failed' },
  ]) as never });
  const text = await metrics.registry.metrics();
  assert.match(text, /weekly_faq_reindex_last_run_outcome\{outcome="succeeded"\} 1/);
  assert.match(text, /weekly_faq_reindex_replica_outcome\{replica="http:\/\/meili2:7700",outcome="failed"\} 1/);
  assert.match(text, /weekly_faq_reindex_replica_outcome\{replica="http:\/\/meili1:7700",outcome="failed"\} 0/);
});

test('the next run replaces the replicas of the previous one', async () => {
  const metrics = createMetrics({ defaultMetrics: false });
  metrics.refresh({ documents: 754, reindex: run([{ url: 'http://old:7700', outcome: 'failed' }]) as never });
  metrics.refresh({ documents: 754, reindex: run([{ url: 'http://new:7700', outcome: 'succeeded' }]) as never });
  const text = await metrics.registry.metrics();
  assert.doesNotMatch(text, /old:7700/);
  assert.match(text, /weekly_faq_reindex_replica_outcome\{replica="http:\/\/new:7700",outcome="succeeded"\} 1/);
});
