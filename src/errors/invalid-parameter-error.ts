import { WeeklyFaqError } from './weekly-faq-error.ts';

/** A request parameter (query string or path) has a value the API does not accept. HTTP 400. */
export class InvalidParameterError extends WeeklyFaqError {
  readonly code = 'invalid-parameter';
  override name = 'InvalidParameterError';
  readonly status = 400;
  /** The value refused, when it is one item of a list (`nope` of `project=mosn,nope`): a client can drop just that one. */
  readonly value: string | undefined;

  constructor(
    /** Name of the offending parameter, e.g. `hitsPerPage`. */
    readonly parameter: string,
    reason: string,
    options?: { cause?: unknown; value?: string },
  ) {
    super(`${parameter}: ${reason}`, options);
    this.value = options?.value;
  }
}
