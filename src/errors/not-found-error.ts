import { WeeklyFaqError } from './weekly-faq-error.ts';

/** The requested resource (a record id, an API path) does not exist. HTTP 404. */
export class NotFoundError extends WeeklyFaqError {
  readonly code = 'not-found';
  override name = 'NotFoundError';
  readonly status = 404;
}
