import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import { after, test } from 'node:test';
import request from 'supertest';
import { createApp } from '../api/create-app.ts';
import { createMetrics } from '../api/create-metrics.ts';
import { getReindexLockPath } from '../indexer/load/reindex-lock.ts';
import { createReindexScheduler } from '../indexer/load/reindex-scheduler.ts';
import { loadConfig } from '../src/config.ts';
import { errorBodySchema } from '../src/contract/response-schemas.ts';
import { createFakeSearchBackend } from './helpers/fake-search-backend.ts';
import { createTestLogger, makeTempDir } from './helpers/start-test-meili.ts';

const TOKEN = 'admin-token-for-tests-0123';
const cleanup: (() => Promise<void> | void)[] = [];
after(async () => {
  for (const step of cleanup.reverse()) await step();
});

test('POST /api/admin/reindex answers 409 reindex-running while another process (`npm run index`) holds the reindex lock, and runs nothing', async () => {
  const dataDir = await makeTempDir('weekly-faq-admin-lock-');
  cleanup.push(() => fs.rm(dataDir, { recursive: true, force: true }));
  // a live process that is not this one, as the CLI would be
  const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 600000)'], { stdio: 'ignore' });
  cleanup.push(() => void other.kill('SIGKILL'));
  const lockPath = getReindexLockPath(dataDir, 'qa');
  await fs.writeFile(lockPath, `${other.pid}\n`);

  let runs = 0;
  const logger = createTestLogger();
  const scheduler = createReindexScheduler({
    cron: null, timeZone: 'UTC', logger, lockPath,
    run: async () => {
      runs++;
      throw new Error('must not run');
    },
  });
  const app = createApp({
    backend: createFakeSearchBackend({ health: async () => ({ available: true, documents: 7 }) }),
    logger, scheduler, metrics: createMetrics({ defaultMetrics: false }),
    config: loadConfig({ LOG_LEVEL: 'silent', ADMIN_TOKEN: TOKEN, DATA_DIR: dataDir }),
  });

  const refused = await request(app).post('/api/admin/reindex').set('Authorization', `Bearer ${TOKEN}`).send({});
  assert.equal(refused.status, 409);
  assert.equal(errorBodySchema.parse(refused.body).error.code, 'reindex-running');
  assert.equal(runs, 0, 'no run was started');

  // the lock of a process that is gone is no obstacle: the run starts
  other.kill('SIGKILL');
  await new Promise((resolve) => other.once('exit', resolve));
  const started = await request(app).post('/api/admin/reindex').set('Authorization', `Bearer ${TOKEN}`).send({});
  assert.equal(started.status, 202);
  await scheduler.idle();
  assert.equal(runs, 1);
});
