import { WeeklyFaqError } from './weekly-faq-error.ts';

/** A request parameter (query string or path) has a value the API does not accept. HTTP 400. */
export class InvalidParameterError extends WeeklyFaqError {
  readonly code = 'invalid-parameter';
  override name = 'InvalidParameterError';
  readonly status = 400;

  constructor(
    /** Name of the offending parameter, e.g. `hitsPerPage`. */
    readonly parameter: string,
    reason: string,
    options?: { cause?: unknown },
  ) {
    super(`${parameter}: ${reason}`, options);
  }
}
