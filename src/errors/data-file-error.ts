import { WeeklyFaqError } from './weekly-faq-error.ts';

/** A data file the service reads at start (`src/data/`) is malformed: the file and line say where. */
export class DataFileError extends WeeklyFaqError {
  readonly code = 'data-file-invalid';
  override name = 'DataFileError';

  constructor(
    /** Path of the file. */
    readonly file: string,
    /** 1-based line of the problem, when known. */
    readonly line: number | null,
    reason: string,
    options?: { cause?: unknown },
  ) {
    super(`Invalid data file ${file}${line === null ? '' : `:${line}`}: ${reason}`, options);
  }
}
