import { WeeklyFaqError } from './weekly-faq-error.ts';

/** A record that cannot be turned into a search document (an extractor bug, not a bad post). */
export class InvalidRecordError extends WeeklyFaqError {
  readonly code = 'invalid-record';
  override name = 'InvalidRecordError';

  constructor(readonly recordId: string, readonly field: string, reason: string) {
    super(`Record ${recordId} (${field}): ${reason}`);
  }
}
