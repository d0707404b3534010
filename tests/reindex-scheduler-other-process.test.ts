import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import { after, before, test } from 'node:test';
import type { ReindexReport } from '../indexer/load/reindex-report.ts';
import { createReindexScheduler } from '../indexer/load/reindex-scheduler.ts';
import { getReindexLockPath } from '../indexer/load/reindex-lock.ts';
import { createTestLogger, makeTempDir } from './helpers/start-test-meili.ts';

// The nightly run firing while `npm run index` rebuilds the index (holding the reindex lock) used
// to run, fail on the lock and be reported failed (an alert on outcome="failed" at 03:00 for a
// rebuild that was going fine); it is an overlap, skipped and counted like one of its own.

let dataDir: string;
const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 600000)'], { stdio: 'ignore' });
before(async () => {
  dataDir = await makeTempDir('weekly-faq-other-run-');
});
after(async () => {
  other.kill('SIGKILL');
  await fs.rm(dataDir, { recursive: true, force: true });
});

test('a trigger while another process holds the reindex lock is skipped as an overlap, not run and failed', async () => {
  const lockPath = getReindexLockPath(dataDir, 'qa');
  await fs.writeFile(lockPath, `${other.pid}\n`);
  let runs = 0;
  const scheduler = createReindexScheduler({
    cron: '0 3 * * *', timeZone: 'Asia/Shanghai', logger: createTestLogger(), lockPath,
    run: async () => {
      runs++;
      return { outcome: 'succeeded' } as ReindexReport;
    },
  });
  assert.equal(await scheduler.trigger('cron'), null);
  assert.equal(runs, 0);
  const status = scheduler.getStatus();
  assert.equal(status.skippedOverlaps, 1);
  assert.equal(status.lastRun, null, 'no failed run reported');
  assert.equal(status.running, false);

  // once the other run is over, the next trigger runs
  await fs.rm(lockPath);
  assert.equal((await scheduler.trigger('cron'))?.outcome, 'succeeded');
  assert.equal(runs, 1);
});
