import express, { Router } from 'express';
import { z } from 'zod';
import { ReindexRunningError } from '../../src/errors/reindex-running-error.ts';
import { SearchUnavailableError } from '../../src/errors/search-unavailable-error.ts';
import type { ReindexScheduler } from '../../indexer/load/reindex-scheduler.ts';
import { parseParams } from '../parse-params.ts';
import { noParamsSchema } from '../../src/contract/request-schemas.ts';
import { requireAdminToken } from '../require-admin-token.ts';
import type { SearchBackend } from '../../src/contract/search-backend.ts';

/** Body of `POST /api/admin/reindex` (optional): `{"force": true}` rebuilds even when unchanged or shrinking. */
export const reindexBodySchema = z.strictObject({ force: z.boolean({ error: 'expected true or false' }).optional() });

/**
 * `POST /api/admin/reindex` (start a run now, `{"force": true}` to rebuild whatever the
 * fingerprint and shrink check say; 202, or 409 while one runs, here or in another process
 * holding the reindex lock such as `npm run index`) and
 * `GET /api/admin/status` (last and next runs, document count, last report).
 * Only with `Authorization: Bearer $ADMIN_TOKEN`; 404 when ADMIN_TOKEN is unset. No CORS.
 */
export function createAdminRouter(options: {
  adminToken: string | undefined;
  backend: SearchBackend;
  scheduler?: Pick<ReindexScheduler, 'getStatus' | 'trigger'> & Partial<Pick<ReindexScheduler, 'getOtherRun'>> | undefined;
}): Router {
  const { backend, scheduler } = options;
  const router = Router();
  const guard = requireAdminToken(options.adminToken);

  // small bodies only, and only once the token is checked
  router.post('/api/admin/reindex', guard, express.json({ limit: '1kb', strict: true, type: () => true }), async (req, res) => {
    parseParams(noParamsSchema, req.query);
    const { force = false } = parseParams(reindexBodySchema, req.body ?? {});
    if (!scheduler) throw new SearchUnavailableError('Reindex: this service runs without a reindex scheduler', 60);
    // a run of another process on this DATA_DIR (`npm run index`) holds the lock: the run would fail at once
    const other = await scheduler.getOtherRun?.();
    if (other) throw new ReindexRunningError(other.startedAt);
    const status = scheduler.getStatus(); // after the await: a cron run may have started meanwhile
    if (status.currentRun) throw new ReindexRunningError(status.currentRun.startedAt);
    const startedAt = new Date().toISOString();
    // The run goes on in the background; its outcome is in /api/admin/status (the scheduler logs and keeps it).
    scheduler.trigger('manual', { force }).catch((error: unknown) => req.log.error({ err: error }, 'Manual reindex failed'));
    req.log.info({ force }, 'Manual reindex started');
    res.status(202).set('Cache-Control', 'no-store').json({ status: 'started', startedAt, force });
  });

  router.get('/api/admin/status', guard, async (req, res) => {
    parseParams(noParamsSchema, req.query);
    const health = await backend.health();
    const status = scheduler?.getStatus() ?? null;
    const lastRun = status?.lastRun ?? null;
    res.set('Cache-Control', 'no-store').json({
      documents: health.documents,
      running: status?.running ?? false,
      currentRun: status?.currentRun ?? null,
      lastRun: lastRun && { trigger: lastRun.trigger, startedAt: lastRun.startedAt, finishedAt: lastRun.finishedAt, outcome: lastRun.outcome, error: lastRun.error },
      nextRunAt: status?.nextRunAt ?? null,
      schedule: { enabled: status?.enabled ?? false, cron: status?.cron ?? null, timeZone: status?.timeZone ?? 'UTC' },
      lastReport: lastRun?.report ?? null,
    });
  });
  return router;
}
