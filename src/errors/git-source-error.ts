import { WeeklyFaqError } from './weekly-faq-error.ts';

/** A git command on the weekly source failed (clone, fetch, reset). */
export class GitSourceError extends WeeklyFaqError {
  readonly code = 'git-source-failed';
  override name = 'GitSourceError';

  constructor(
    /** What was attempted, e.g. `git clone`. */
    readonly operation: string,
    /** The source, with any credentials in the URL redacted. */
    readonly source: string,
    readonly stderr: string,
    options?: { cause?: unknown },
  ) {
    super(`${operation} of ${source} failed${stderr ? `: ${stderr.trim().split('\n').slice(-3).join(' | ')}` : ''}`, options);
  }
}
