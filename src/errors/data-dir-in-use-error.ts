import { WeeklyFaqError } from './weekly-faq-error.ts';

/** Another running service owns this DATA_DIR (its pid is in the service lock file). */
export class DataDirInUseError extends WeeklyFaqError {
  readonly code = 'data-dir-in-use';
  override name = 'DataDirInUseError';
  constructor(readonly lockFile: string, readonly ownerPid: number) {
    super(`Another weekly-faq service (pid ${ownerPid}) is running on this DATA_DIR (lock ${lockFile}); stop it first or give this one another DATA_DIR`);
  }
}
