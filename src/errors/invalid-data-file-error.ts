import { WeeklyFaqError } from './weekly-faq-error.ts';

/** A runtime-read data file in `src/data/` is not what its loader expects (a bad edit or a bad regeneration). */
export class InvalidDataFileError extends WeeklyFaqError {
  readonly code = 'invalid-data-file';
  override name = 'InvalidDataFileError';

  constructor(readonly file: string, reason: string) {
    super(`Data file ${file}: ${reason}`);
  }
}
