import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ReindexReport } from '../indexer/load/reindex-report.ts';
import { ReindexShrinkRefusedError } from '../src/errors/reindex-errors.ts';
import { createReindexScheduler } from '../indexer/load/reindex-scheduler.ts';
import { createTestLogger } from './helpers/start-test-meili.ts';

const logger = createTestLogger();

function makeReport(outcome: ReindexReport['outcome'], error: ReindexReport['error'] = null): ReindexReport {
  return {
    outcome, skipReason: null, indexName: 'qa', buildIndex: null, startedAt: '', finishedAt: '', durationMs: 0,
    fingerprint: null, forced: false, posts: { read: 0, weekly: 0, faq: 0, skipped: 0, failed: 0 },
    skippedByRule: {}, messagesByRule: {}, failedPosts: [], pairs: 0, documents: 0, previousDocuments: null, error,
  };
}

test('runs never overlap: a trigger during a run is skipped and counted', async () => {
  let release!: () => void;
  let runs = 0;
  const scheduler = createReindexScheduler({
    cron: '0 3 * * *', timeZone: 'Asia/Shanghai', logger,
    run: async () => {
      runs++;
      await new Promise<void>((resolve) => (release = resolve));
      return makeReport('succeeded');
    },
  });
  const first = scheduler.trigger('cron');
  assert.equal(scheduler.getStatus().running, true);
  assert.equal(scheduler.getStatus().currentRun?.trigger, 'cron');
  assert.equal(await scheduler.trigger('manual'), null, 'second trigger skipped');
  assert.equal(await scheduler.trigger('cron'), null, 'third trigger skipped');
  assert.equal(scheduler.getStatus().skippedOverlaps, 2);
  release();
  assert.equal((await first)?.outcome, 'succeeded');
  assert.equal(runs, 1);
  const status = scheduler.getStatus();
  assert.equal(status.running, false);
  assert.equal(status.lastRun?.outcome, 'succeeded');
  assert.equal(status.lastRun?.trigger, 'cron');

  // Once idle, the next trigger runs.
  const next = scheduler.trigger('manual');
  release();
  assert.equal((await next)?.outcome, 'succeeded');
  assert.equal(runs, 2);
});

test('a failed run is kept as the last outcome with its error code', async () => {
  const scheduler = createReindexScheduler({
    cron: null, timeZone: 'Asia/Shanghai', logger,
    run: async () => makeReport('failed', { code: 'reindex-shrink-refused', message: 'refused' }),
  });
  await scheduler.trigger();
  assert.equal(scheduler.getStatus().lastRun?.outcome, 'failed');
  assert.equal(scheduler.getStatus().lastRun?.error?.code, 'reindex-shrink-refused');

  const throwing = createReindexScheduler({
    cron: null, timeZone: 'UTC', logger,
    run: async () => {
      throw new ReindexShrinkRefusedError('qa', 100, 10, 0.1);
    },
  });
  assert.equal(await throwing.trigger(), null);
  assert.equal(throwing.getStatus().lastRun?.outcome, 'failed');
  assert.equal(throwing.getStatus().lastRun?.error?.code, 'reindex-shrink-refused');
  assert.equal(throwing.getStatus().running, false);
});

test('the schedule uses TZ and reports the next run; off disables it', async () => {
  const scheduler = createReindexScheduler({ cron: '0 3 * * *', timeZone: 'Asia/Shanghai', logger, run: async () => makeReport('skipped') });
  assert.equal(scheduler.getStatus().nextRunAt, null, 'not started yet');
  scheduler.start();
  const next = new Date(scheduler.getStatus().nextRunAt ?? '');
  // 03:00 in Shanghai (UTC+8) is 19:00 UTC the day before.
  assert.equal(next.getUTCHours(), 19);
  assert.equal(next.getUTCMinutes(), 0);
  assert.ok(next.getTime() > Date.now());
  await scheduler.stop();
  assert.equal(scheduler.getStatus().nextRunAt, null);

  const off = createReindexScheduler({ cron: null, timeZone: 'Asia/Shanghai', logger, run: async () => makeReport('skipped') });
  off.start();
  assert.deepEqual({ enabled: off.getStatus().enabled, nextRunAt: off.getStatus().nextRunAt }, { enabled: false, nextRunAt: null });
  await off.stop();

  assert.throws(() => createReindexScheduler({ cron: 'every night', timeZone: 'UTC', logger, run: async () => makeReport('skipped') }), TypeError);
});

test('cron ticks during a long run are skipped (real node-cron, every second)', async () => {
  let release!: () => void;
  let runs = 0;
  const scheduler = createReindexScheduler({
    cron: '* * * * * *', timeZone: 'UTC', logger,
    run: async () => {
      runs++;
      await new Promise<void>((resolve) => (release = resolve));
      return makeReport('succeeded');
    },
  });
  scheduler.start();
  // Wait (event-driven, no timing assertion) until a tick started a run and a later tick was skipped.
  while (scheduler.getStatus().skippedOverlaps < 1) await new Promise((resolve) => setTimeout(resolve, 50));
  await scheduler.stop();
  assert.equal(runs, 1);
  assert.equal(scheduler.getStatus().currentRun?.trigger, 'cron');
  release();
  await scheduler.idle();
  assert.equal(scheduler.getStatus().lastRun?.outcome, 'succeeded');
  assert.equal(runs, 1);
});
