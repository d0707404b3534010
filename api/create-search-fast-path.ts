import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { SEARCH_PATH, type SearchHandlers } from './routes/create-search-router.ts';

/** What the router sets on a request its route matched: the access log and the metrics label requests by it. */
const SEARCH_ROUTE = { path: SEARCH_PATH };

/** Call `chain[i]` onwards as a router calls a route's handlers: the next on `next()`, `done(error)` on an error or a rejected promise. */
function run(chain: readonly RequestHandler[], i: number, req: Request, res: Response, done: NextFunction): void {
  const handler = chain[i];
  if (!handler) {
    done();
    return;
  }
  let called = false;
  const next = (error?: unknown) => {
    if (called) return;
    called = true;
    if (error) done(error);
    else run(chain, i + 1, req, res, done);
  };
  try {
    const returned = handler(req, res, next) as unknown;
    if (returned instanceof Promise) returned.then(undefined, (error: unknown) => next(error ?? new Error('Rejected promise')));
  } catch (error) {
    next(error);
  }
}

/**
 * `GET` and `POST /api/search` straight through their handlers: the app's own middleware
 * (`common`: request id and access log, metrics, security headers, compression), then the
 * route's (`createSearchHandlers`: CORS, rate limit, the search), in the order the router calls
 * them for that route, without walking the app's router (every other route's layers, each
 * matched against the path) on each search. The app mounts it first. Anything else (another
 * path, `HEAD`, `OPTIONS`, `/api/search/`) goes on through the app; an error goes on to its
 * error handler, as a route's does.
 */
export function createSearchFastPath(common: readonly RequestHandler[], handlers: SearchHandlers): RequestHandler {
  const get = [...common, ...handlers.get];
  const post = [...common, ...handlers.post];
  return (req, res, next) => {
    const chain = req.method === 'GET' ? get : req.method === 'POST' ? post : null;
    if (!chain || !isSearchPath(req.url)) {
      next();
      return;
    }
    req.route = SEARCH_ROUTE;
    run(chain, 0, req, res, next);
  };
}

/** `/api/search` with or without a query string, exactly as the page and widget send it. */
function isSearchPath(url: string): boolean {
  return url.startsWith(SEARCH_PATH) && (url.length === SEARCH_PATH.length || url.charCodeAt(SEARCH_PATH.length) === 63 /* ? */);
}
