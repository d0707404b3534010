import type { EnqueuedTask, EnqueuedTaskPromise, Meilisearch, Task } from 'meilisearch';
import { MeiliTaskCanceledError, MeiliTaskFailedError } from '../errors/meili-task-error.ts';

export interface WaitForTaskOptions {
  /** What the task does, for error messages, e.g. `upload batch 3 to qa_build_1`. */
  operation: string;
  /** Give up waiting after this many ms (default: 10 minutes; indexing a large batch takes a while). */
  timeout?: number;
  /** Polling interval in ms (default: 100). */
  interval?: number;
}

/** A task to wait for: the client's `EnqueuedTaskPromise`, an `EnqueuedTask`, or a task uid. */
export type TaskRef = EnqueuedTaskPromise | Promise<EnqueuedTask> | EnqueuedTask | number;

/**
 * Wait for a Meilisearch task to finish and return it when it succeeded.
 *
 * Meilisearch fails two ways: the HTTP call that enqueues a task rejects with a
 * `MeilisearchApiError`, while a task that fails later *resolves* with `status: 'failed'`.
 * This helper turns the second into an exception too, so a caller cannot forget to check.
 *
 * @throws {MeiliTaskFailedError} when the task resolves with status `failed` (its `taskCode` is the task's error code).
 * @throws {MeiliTaskCanceledError} when the task was canceled.
 * @throws `MeilisearchTaskTimeOutError` (from the client) when it does not finish within `timeout`.
 * @see https://www.meilisearch.com/docs/reference/api/tasks#get-one-task
 */
export async function waitForTask(client: Meilisearch, ref: TaskRef, options: WaitForTaskOptions): Promise<Task> {
  const enqueued = typeof ref === 'number' ? ref : await ref;
  const task = await client.tasks.waitForTask(enqueued, {
    timeout: options.timeout ?? 10 * 60_000,
    interval: options.interval ?? 100,
  });
  if (task.status === 'failed') throw new MeiliTaskFailedError(options.operation, task);
  if (task.status === 'canceled') throw new MeiliTaskCanceledError(options.operation, task);
  return task;
}
