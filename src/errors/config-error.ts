import { WeeklyFaqError } from './weekly-faq-error.ts';

/** An environment variable has a value the service cannot use. */
export class ConfigError extends WeeklyFaqError {
  readonly code = 'config-invalid';
  override name = 'ConfigError';

  constructor(
    /** Name of the offending environment variable, e.g. `PORT`. */
    readonly variable: string,
    reason: string,
    options?: { cause?: unknown },
  ) {
    super(`Invalid configuration: ${variable}: ${reason}`, options);
  }
}
