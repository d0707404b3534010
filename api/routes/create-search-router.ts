import { createHash } from 'node:crypto';
import { Router, type RequestHandler } from 'express';
import type { Insights } from '../../src/insights/create-insights.ts';
import type { ApiMetrics } from '../create-metrics.ts';
import { parseParams } from '../parse-params.ts';
import { recordSearchInsight } from '../record-search-insight.ts';
import { searchQuerySchema } from '../request-schemas.ts';
import type { SearchBackend, SearchParams } from '../search-backend.ts';

/** Browsers and proxies may reuse a search answer this long; the ETag revalidates it after. */
export const SEARCH_CACHE_CONTROL = 'public, max-age=30';

/**
 * The JSON body of a search answer and its weak ETag, serialized once. The ETag leaves out
 * `processingTimeMs` (written last): two identical answers differ only in how long Meilisearch
 * took, and must still revalidate as the same.
 */
export function serializeSearchAnswer<T extends { processingTimeMs?: unknown }>(result: T): { body: string; etag: string } {
  const { processingTimeMs, ...stable } = result;
  const json = JSON.stringify(stable);
  const etag = `W/"${createHash('sha1').update(json).digest('base64url')}"`;
  const body =
    processingTimeMs === undefined
      ? json
      : `${json.slice(0, -1)}${json === '{}' ? '' : ','}"processingTimeMs":${JSON.stringify(processingTimeMs)}}`;
  return { body, etag };
}

/** `GET /api/search` (see `searchQuerySchema` for the parameters). */
export function createSearchRouter(options: { backend: SearchBackend; metrics: ApiMetrics; before: RequestHandler[]; insights?: Pick<Insights, 'record'> | undefined }): Router {
  const { backend, metrics } = options;
  const router = Router();
  router.get('/api/search', ...options.before, async (req, res) => {
    const query = parseParams(searchQuerySchema, req.query);
    const end = metrics.searchDuration.startTimer();
    let outcome = 'error';
    try {
      const startedAt = performance.now();
      const params: SearchParams = {
        q: query.q ?? '',
        projects: query.project ?? [],
        years: (query.year ?? []).map(Number),
        from: query.from,
        to: query.to,
        sort: query.sort ?? 'relevance',
        page: query.page ?? 1,
        hitsPerPage: query.hitsPerPage ?? 10,
      };
      const result = await backend.search(params);
      recordSearchInsight(options.insights, req, params, result, performance.now() - startedAt);
      outcome = 'ok';
      const { body, etag } = serializeSearchAnswer(result);
      res.set('Cache-Control', SEARCH_CACHE_CONTROL).set('ETag', etag).type('application/json').send(body);
    } finally {
      end({ outcome });
    }
  });
  return router;
}
