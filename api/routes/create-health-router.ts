import { Router } from 'express';
import type { SearchBackend } from '../../src/contract/search-backend.ts';

/**
 * `GET /healthz`: the process is alive (never touches Meilisearch).
 * `GET /readyz`: Meilisearch answers and the live index has documents; 503 otherwise.
 */
export function createHealthRouter(options: { backend: SearchBackend }): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.set('Cache-Control', 'no-store').json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    const health = await options.backend.health();
    const ready = health.available && (health.documents ?? 0) > 0;
    res.status(ready ? 200 : 503).set('Cache-Control', 'no-store');
    if (!ready) res.set('Retry-After', '5');
    res.json({
      status: ready ? 'ready' : 'not-ready',
      meilisearch: health.available ? 'available' : 'unavailable',
      documents: health.documents,
      ...(health.reason && !ready ? { reason: health.reason } : {}),
    });
  });
  return router;
}
