import { WeeklyFaqError } from './weekly-faq-error.ts';

/** The insights database cannot be opened or read (a read-only or broken file). HTTP 503. */
export class InsightsUnavailableError extends WeeklyFaqError {
  readonly code = 'insights-unavailable';
  override name = 'InsightsUnavailableError';
  readonly status = 503;
}
