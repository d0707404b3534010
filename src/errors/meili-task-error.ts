import type { Task } from 'meilisearch';
import { WeeklyFaqError } from './weekly-faq-error.ts';

/** Summary of a finished Meilisearch task, kept on task errors (never includes documents or keys). */
export interface TaskSummary {
  uid: number;
  type: string;
  indexUid: string | null;
  status: string;
}

function summarize(task: Task): TaskSummary {
  return { uid: task.uid, type: task.type, indexUid: task.indexUid, status: task.status };
}

/**
 * An asynchronous Meilisearch task resolved with `status: 'failed'`.
 * `taskCode` is Meilisearch's own error code (e.g. `invalid_document_id`).
 *
 * @see https://www.meilisearch.com/docs/reference/errors/error_codes
 */
export class MeiliTaskFailedError extends WeeklyFaqError {
  readonly code = 'meili-task-failed';
  override name = 'MeiliTaskFailedError';
  /** Meilisearch error code of the task (`task.error.code`), or `unknown`. */
  readonly taskCode: string;
  readonly task: TaskSummary;

  constructor(operation: string, task: Task) {
    const taskCode = task.error?.code ?? 'unknown';
    super(
      `${operation}: Meilisearch task ${task.uid} (${task.type}${task.indexUid ? ` on ${task.indexUid}` : ''}) failed: ${taskCode}: ${task.error?.message ?? 'no message'}`,
      { cause: task.error ?? undefined },
    );
    this.taskCode = taskCode;
    this.task = summarize(task);
  }
}

/** An asynchronous Meilisearch task was canceled before it finished. */
export class MeiliTaskCanceledError extends WeeklyFaqError {
  readonly code = 'meili-task-canceled';
  override name = 'MeiliTaskCanceledError';
  readonly task: TaskSummary;

  constructor(operation: string, task: Task) {
    super(`${operation}: Meilisearch task ${task.uid} (${task.type}) was canceled${task.canceledBy != null ? ` by task ${task.canceledBy}` : ''}`);
    this.task = summarize(task);
  }
}

/** A Meilisearch task did not finish within the time we were ready to wait. */
export class MeiliTaskTimeoutError extends WeeklyFaqError {
  readonly code = 'meili-task-timeout';
  override name = 'MeiliTaskTimeoutError';

  constructor(operation: string, readonly taskUid: number, readonly timeoutMs: number) {
    super(`${operation}: Meilisearch task ${taskUid} did not finish within ${timeoutMs} ms`);
  }
}
