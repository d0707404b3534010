import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import { RateLimitedError } from '../src/errors/rate-limited-error.ts';

/**
 * Per-client-IP limit of the feedback and click posts: `limit` per minute (FEEDBACK_RATE_LIMIT;
 * 0: no limit), counted together, in memory, per process. Over it: 429 with `Retry-After`.
 */
export function createPostRateLimit(limit: number): RequestHandler {
  if (limit <= 0) return (_req, _res, next) => next();
  return rateLimit({
    windowMs: 60_000,
    limit,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    handler: (_req, _res, next) => next(new RateLimitedError(`Feedback: more than ${limit} posts per minute from this address; slow down`)),
  });
}
