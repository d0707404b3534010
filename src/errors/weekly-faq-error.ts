/**
 * Base class of every error this project throws on purpose.
 *
 * Each subclass has a stable `code` (kebab-case, documented in `src/errors/README.md`);
 * callers branch on `code`, never on the message. Messages name the operation and its target.
 *
 * @see https://github.com/meilisearch/meilisearch-js/tree/main/src/errors (the pattern followed here)
 */
export abstract class WeeklyFaqError extends Error {
  /** Stable machine-readable code, e.g. `config-invalid`. */
  abstract readonly code: string;
  override name = 'WeeklyFaqError';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** True when `error` is one of ours with the given code (or any of ours, without a code). */
export function isWeeklyFaqError(error: unknown, code?: string): error is WeeklyFaqError {
  return error instanceof WeeklyFaqError && (code === undefined || error.code === code);
}
