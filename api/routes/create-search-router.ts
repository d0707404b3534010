import { hash } from 'node:crypto';
import express, { Router, type Request, type RequestHandler, type Response } from 'express';
import type { Insights } from '../../src/insights/create-insights.ts';
import type { ApiMetrics } from '../create-metrics.ts';
import { parseParams } from '../parse-params.ts';
import { recordSearchInsight } from '../record-search-insight.ts';
import { searchBodySchema, searchQuerySchema, type SearchRequest } from '../../src/contract/request-schemas.ts';
import type { SearchBackend } from '../../src/contract/search-backend.ts';
import type { SearchAnswer } from '../../src/contract/search-result.ts';

/** Browsers and proxies may reuse a search answer this long; the ETag revalidates it after. */
export const SEARCH_CACHE_CONTROL = 'public, max-age=30';

export const SEARCH_PATH = '/api/search';

/**
 * The JSON body of a search answer and its weak ETag, serialized once, as the bytes sent. The
 * ETag leaves out `processingTimeMs` (written last): two identical answers differ only in how
 * long Meilisearch took, and must still revalidate as the same. The JSON is encoded to UTF-8
 * once, and the hash, the length and the write all take those bytes (a text body is encoded
 * again by each of them, ~20 KB of mostly Chinese text per answer).
 */
export function serializeSearchAnswer<T extends { processingTimeMs?: unknown }>(result: T): { body: Buffer; etag: string } {
  const { processingTimeMs, ...stable } = result;
  const json = JSON.stringify(stable);
  const bytes = Buffer.from(json);
  // one-shot `hash`: no Hash object per answer
  const etag = `W/"${hash('sha1', bytes, 'base64url')}"`;
  if (processingTimeMs === undefined) return { body: bytes, etag };
  const tail = Buffer.from(`${json === '{}' ? '' : ','}"processingTimeMs":${JSON.stringify(processingTimeMs)}}`);
  return { body: Buffer.concat([bytes.subarray(0, -1), tail]), etag };
}

const JSON_TYPE = 'application/json; charset=utf-8';

/**
 * A GET (or HEAD) answer as `res.type('application/json').send(body)` sends it with our ETag,
 * without its generic work (a MIME lookup, an ETag check): 304
 * when the client's copy is fresh (`req.fresh`, Express's own check), else the JSON.
 */
function sendCacheable(req: Request, res: Response, body: Buffer, etag: string): void {
  res.setHeader('Cache-Control', SEARCH_CACHE_CONTROL);
  res.setHeader('ETag', etag);
  if (req.fresh) {
    res.statusCode = 304;
    res.end();
    return;
  }
  res.setHeader('Content-Type', JSON_TYPE);
  res.setHeader('Content-Length', body.length);
  if (req.method === 'HEAD') res.end();
  else res.end(body);
}

/**
 * `GET /api/search` (see `searchQuerySchema` for the parameters) and `POST /api/search` with
 * the same parameters as a JSON body, for a pasted log longer than a URL should carry
 * (`searchBodySchema`). POST answers are not cached.
 */
export function createSearchRouter(options: { backend: SearchBackend; metrics: ApiMetrics; before: RequestHandler[]; insights?: Pick<Insights, 'record'> | undefined }): Router {
  const { backend, metrics } = options;
  const router = Router();
  const serializedAnswers = new WeakMap<object, { body: Buffer; etag: string }>();
  async function answer(req: Request, request: SearchRequest, res: Response, cacheable: boolean) {
    const end = metrics.searchDuration.startTimer();
    let outcome = 'error';
    try {
      const startedAt = performance.now();
      const result = await backend.search(request);
      recordSearchInsight(options.insights, req, request, result, performance.now() - startedAt);
      outcome = 'ok';
      // A cached answer (the empty query's listing) is the same object: serialized and hashed once
      // (it answers the same request, so the same projects).
      let serialized = serializedAnswers.get(result);
      if (!serialized) {
        const sent: SearchAnswer = { ...result, project: request.project };
        serialized = serializeSearchAnswer(sent);
        serializedAnswers.set(result, serialized);
      }
      const { body, etag } = serialized;
      if (cacheable) {
        sendCacheable(req, res, body, etag);
      } else {
        res.set('Cache-Control', 'no-store');
        res.type('application/json').send(body);
      }
    } finally {
      end({ outcome });
    }
  }
  router.get(SEARCH_PATH, ...options.before, async (req: Request, res) => {
    await answer(req, parseParams(searchQuerySchema, req.query), res, true);
  });
  // The longest `q` accepted (MAX_POST_QUERY_LENGTH, 65,536 characters) JSON-escaped as a client
  // may send it (`\uXXXX`: Python's json.dumps does so by default, 6 bytes a character) is 384 KB.
  router.post(SEARCH_PATH, ...options.before, express.json({ limit: '512kb', type: () => true }), async (req: Request, res) => {
    await answer(req, parseParams(searchBodySchema, req.body ?? {}), res, false);
  });
  return router;
}
