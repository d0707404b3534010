import { WeeklyFaqError } from './weekly-faq-error.ts';

/** A client IP sent more requests than `SEARCH_RATE_LIMIT` allows. HTTP 429 (with `Retry-After`). */
export class RateLimitedError extends WeeklyFaqError {
  readonly code = 'rate-limited';
  override name = 'RateLimitedError';
  readonly status = 429;
}
