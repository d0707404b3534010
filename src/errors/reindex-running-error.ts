import { WeeklyFaqError } from './weekly-faq-error.ts';

/** `POST /api/admin/reindex` while a reindex is already running in this service. HTTP 409. */
export class ReindexRunningError extends WeeklyFaqError {
  readonly code = 'reindex-running';
  override name = 'ReindexRunningError';
  readonly status = 409;

  constructor(readonly runningSince: string) {
    super(`Reindex: a run started at ${runningSince} is still going; try again when it has finished`);
  }
}
