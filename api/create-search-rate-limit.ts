import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import { RateLimitedError } from '../src/errors/rate-limited-error.ts';

/**
 * Per-client-IP limit of `/api/search`: `limit` requests per minute (SEARCH_RATE_LIMIT; 0: no
 * limit). Over it: 429 with `Retry-After` (set by express-rate-limit) and our JSON error body.
 * Counts live in memory, per process. Behind a reverse proxy every client has the proxy's IP
 * unless Express's `trust proxy` is set (TRUST_PROXY).
 *
 * The library's own configuration checks are off: they print multi-line stack traces with
 * console.error (outside the JSON log) on the first request with X-Forwarded-For or
 * Forwarded, which any client can send; TRUST_PROXY is validated with the rest of the config.
 *
 * @see https://express-rate-limit.mintlify.app/reference/configuration
 */
export function createSearchRateLimit(limit: number): RequestHandler {
  return createPerClientRateLimit(limit, `Search: more than ${limit} requests per minute from this address; slow down`);
}

/** `limit` requests per minute per client IP (0: no limit), else a `RateLimitedError` saying `tooMany`. */
export function createPerClientRateLimit(limit: number, tooMany: string): RequestHandler {
  if (limit <= 0) return (_req, _res, next) => next();
  return rateLimit({
    windowMs: 60_000,
    limit,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    validate: false,
    handler: (_req, _res, next) => next(new RateLimitedError(tooMany)),
  });
}
