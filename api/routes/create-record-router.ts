import { Router, type RequestHandler } from 'express';
import { NotFoundError } from '../../src/errors/not-found-error.ts';
import { parseParams } from '../parse-params.ts';
import { noParamsSchema, recordParamsSchema } from '../../src/contract/request-schemas.ts';
import type { SearchBackend } from '../../src/contract/search-backend.ts';

/** `GET /api/qa/:id`: one record, or 404. */
export function createRecordRouter(options: { backend: SearchBackend; before: RequestHandler[] }): Router {
  const router = Router();
  router.get('/api/qa/:id', ...options.before, async (req, res) => {
    const { id } = parseParams(recordParamsSchema, req.params);
    parseParams(noParamsSchema, req.query);
    const record = await options.backend.getRecord(id);
    if (!record) throw new NotFoundError(`Record ${id}: no record has this id`);
    res.set('Cache-Control', 'public, max-age=300').json(record);
  });
  return router;
}
