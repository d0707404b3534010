import { WeeklyFaqError } from './weekly-faq-error.ts';

/** The embedded Meilisearch server could not be started (or reached) and made ready. */
export class MeiliStartError extends WeeklyFaqError {
  readonly code = 'meili-start-failed';
  override name = 'MeiliStartError';

  constructor(
    message: string,
    /** Last lines Meilisearch wrote before giving up, if any. */
    readonly output: string[] = [],
    options?: { cause?: unknown },
  ) {
    super(output.length ? `${message}\n  ${output.join('\n  ')}` : message, options);
  }
}
