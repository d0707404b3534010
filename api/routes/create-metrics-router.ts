import { Router } from 'express';
import type { ReindexScheduler } from '../../src/reindex-scheduler.ts';
import type { ApiMetrics } from '../create-metrics.ts';
import type { SearchBackend } from '../search-backend.ts';

/** `GET /metrics`: Prometheus text; the index size and last reindex are read at scrape time. */
export function createMetricsRouter(options: { metrics: ApiMetrics; backend: SearchBackend; scheduler?: Pick<ReindexScheduler, 'getStatus'> | undefined }): Router {
  const { metrics, backend, scheduler } = options;
  const router = Router();
  router.get('/metrics', async (_req, res) => {
    const health = await backend.health();
    metrics.refresh({ documents: health.available ? (health.documents ?? 0) : null, reindex: scheduler?.getStatus() ?? null });
    res.set('Content-Type', metrics.registry.contentType).set('Cache-Control', 'no-store').send(await metrics.registry.metrics());
  });
  return router;
}
