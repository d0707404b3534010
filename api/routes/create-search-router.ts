import { createHash } from 'node:crypto';
import { Router, type RequestHandler } from 'express';
import type { ApiMetrics } from '../create-metrics.ts';
import { parseParams } from '../parse-params.ts';
import { searchQuerySchema } from '../request-schemas.ts';
import type { SearchBackend } from '../search-backend.ts';

/** Browsers and proxies may reuse a search answer this long; the ETag revalidates it after. */
export const SEARCH_CACHE_CONTROL = 'public, max-age=30';

/**
 * Weak ETag of a search answer, leaving out `processingTimeMs`: two identical answers differ only
 * in how long Meilisearch took, and must still revalidate as the same.
 */
export function getSearchEtag(result: { processingTimeMs?: unknown }): string {
  const { processingTimeMs: _ignored, ...stable } = result;
  return `W/"${createHash('sha1').update(JSON.stringify(stable)).digest('base64url')}"`;
}

/** `GET /api/search` (see `searchQuerySchema` for the parameters). */
export function createSearchRouter(options: { backend: SearchBackend; metrics: ApiMetrics; before: RequestHandler[] }): Router {
  const { backend, metrics } = options;
  const router = Router();
  router.get('/api/search', ...options.before, async (req, res) => {
    const query = parseParams(searchQuerySchema, req.query);
    const end = metrics.searchDuration.startTimer();
    let outcome = 'error';
    try {
      const result = await backend.search({
        q: query.q ?? '',
        projects: query.project ?? [],
        years: (query.year ?? []).map(Number),
        from: query.from,
        to: query.to,
        sort: query.sort ?? 'relevance',
        page: query.page ?? 1,
        hitsPerPage: query.hitsPerPage ?? 10,
      });
      outcome = 'ok';
      res.set('Cache-Control', SEARCH_CACHE_CONTROL).set('ETag', getSearchEtag(result)).json(result);
    } finally {
      end({ outcome });
    }
  });
  return router;
}
