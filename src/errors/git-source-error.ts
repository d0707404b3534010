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
    const said = summarizeGitStderr(stderr);
    super(`${operation} of ${source} failed${said ? `: ${said}` : ''}`, options);
  }
}

/**
 * git's stderr in one line: its `fatal:` / `error:` lines, which say what went wrong (the file,
 * the repository), else its last lines. The advice git prints after them ("Please make sure you
 * have the correct access rights") names nothing.
 */
function summarizeGitStderr(stderr: string): string {
  const lines = stderr.split('\n').map((line) => line.trim()).filter(Boolean);
  const errors = lines.filter((line) => /^(?:fatal|error):/i.test(line));
  return (errors.length ? errors.slice(0, 3) : lines.slice(-3)).join(' | ');
}
