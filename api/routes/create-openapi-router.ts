import { Router, type RequestHandler } from 'express';
import { getOpenApiDocument } from '../get-openapi-document.ts';

/** `GET /openapi.json`: generated once, from the request and response schemas. */
export function createOpenApiRouter(options: { admin: boolean; before: RequestHandler[] }): Router {
  const document = getOpenApiDocument({ admin: options.admin });
  const router = Router();
  router.get('/openapi.json', ...options.before, (_req, res) => {
    res.set('Cache-Control', 'public, max-age=300').json(document);
  });
  return router;
}
