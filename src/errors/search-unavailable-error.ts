import { WeeklyFaqError } from './weekly-faq-error.ts';

/**
 * Meilisearch did not answer in time, refused the connection, failed, or the live index does
 * not exist yet. HTTP 503 with `Retry-After`; the service recovers by itself once it is back.
 */
export class SearchUnavailableError extends WeeklyFaqError {
  readonly code = 'search-unavailable';
  override name = 'SearchUnavailableError';
  readonly status = 503;

  constructor(
    message: string,
    /** Seconds a client should wait before retrying (the `Retry-After` header). */
    readonly retryAfterSeconds = 5,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
