import { WeeklyFaqError } from './weekly-faq-error.ts';

/** The path exists but not with this method. HTTP 405 with `Allow` listing the methods it has. */
export class MethodNotAllowedError extends WeeklyFaqError {
  readonly code = 'method-not-allowed';
  override name = 'MethodNotAllowedError';
  readonly status = 405;
  constructor(readonly allow: readonly string[], message: string) {
    super(message);
  }
}
