import { Router } from 'express';
import type { ReindexScheduler } from '../../indexer/load/reindex-scheduler.ts';
import type { ApiMetrics } from '../create-metrics.ts';
import { requireAdminToken } from '../require-admin-token.ts';
import type { SearchBackend } from '../../src/contract/search-backend.ts';

/**
 * `GET /metrics`: Prometheus text; the index size and last reindex are read at scrape time.
 * Behind the admin token like the admin endpoints (Prometheus: `authorization: { credentials_file }`);
 * without ADMIN_TOKEN it does not exist (404).
 */
export function createMetricsRouter(options: { metrics: ApiMetrics; backend: SearchBackend; adminToken: string | undefined; scheduler?: Pick<ReindexScheduler, 'getStatus'> | undefined }): Router {
  const { metrics, backend, scheduler } = options;
  const router = Router();
  router.get('/metrics', requireAdminToken(options.adminToken), async (_req, res) => {
    const health = await backend.health();
    metrics.refresh({ documents: health.available ? (health.documents ?? 0) : null, reindex: scheduler?.getStatus() ?? null });
    res.set('Content-Type', metrics.registry.contentType).set('Cache-Control', 'no-store').send(await metrics.registry.metrics());
  });
  return router;
}
