import { WeeklyFaqError } from './weekly-faq-error.ts';

/** A request the HTTP layer could not read (a malformed URL encoding, an unsupported method). HTTP 400. */
export class BadRequestError extends WeeklyFaqError {
  readonly code = 'bad-request';
  override name = 'BadRequestError';
  readonly status = 400;
}
