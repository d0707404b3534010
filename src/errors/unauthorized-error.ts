import { WeeklyFaqError } from './weekly-faq-error.ts';

/** An admin endpoint was called without the right `Authorization: Bearer` token. HTTP 401. */
export class UnauthorizedError extends WeeklyFaqError {
  readonly code = 'unauthorized';
  override name = 'UnauthorizedError';
  readonly status = 401;
}
