import { Router, type RequestHandler } from 'express';
import { parseParams } from '../parse-params.ts';
import { noParamsSchema } from '../../src/contract/request-schemas.ts';
import type { SearchBackend } from '../../src/contract/search-backend.ts';

/** `GET /api/facets`: every project and year with its count, and the total. */
export function createFacetsRouter(options: { backend: SearchBackend; before: RequestHandler[] }): Router {
  const router = Router();
  router.get('/api/facets', ...options.before, async (req, res) => {
    parseParams(noParamsSchema, req.query);
    res.set('Cache-Control', 'public, max-age=60').json(await options.backend.facets());
  });
  return router;
}
