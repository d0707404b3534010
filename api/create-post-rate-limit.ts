import type { RequestHandler } from 'express';
import { createPerClientRateLimit } from './create-search-rate-limit.ts';

/**
 * Per-client-IP limit of the feedback and click posts: `limit` per minute (FEEDBACK_RATE_LIMIT;
 * 0: no limit), counted together, in memory, per process. Over it: 429 with `Retry-After`.
 * Same mechanism as the search limit, so no stack traces outside the log on X-Forwarded-For.
 */
export function createPostRateLimit(limit: number): RequestHandler {
  return createPerClientRateLimit(limit, `Feedback: more than ${limit} posts per minute from this address; slow down`);
}
