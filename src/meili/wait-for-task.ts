import type { EnqueuedTask, EnqueuedTaskPromise, Meilisearch, Task } from 'meilisearch';
import { MeiliTaskCanceledError, MeiliTaskFailedError, MeiliTaskTimeoutError } from '../errors/meili-task-error.ts';

export interface WaitForTaskOptions {
  /** What the task does, for error messages, e.g. `add batch 3 to qa_build_1`. */
  operation: string;
  /** Give up waiting after this many ms (default: 10 minutes; indexing a large batch takes a while). */
  timeout?: number;
  /** Longest pause between two polls in ms (default: 500). Polling starts at 10 ms and backs off. */
  maxInterval?: number;
}

/** A task to wait for: the client's `EnqueuedTaskPromise`, an `EnqueuedTask`, or a task uid. */
export type TaskRef = EnqueuedTaskPromise | Promise<EnqueuedTask> | EnqueuedTask | number;

const FINISHED = new Set(['succeeded', 'failed', 'canceled']);

/**
 * Wait for a Meilisearch task to finish and return it when it succeeded.
 *
 * Meilisearch fails two ways: the HTTP call that enqueues a task rejects with a
 * `MeilisearchApiError`, while a task that fails later *resolves* with `status: 'failed'`.
 * This helper turns the second into an exception too, so a caller cannot forget to check.
 * Polls with backoff (10 ms, growing to `maxInterval`): quick tasks return at once, long
 * ones do not flood the server.
 *
 * @throws {MeiliTaskFailedError} when the task resolves with status `failed` (its `taskCode` is the task's error code).
 * @throws {MeiliTaskCanceledError} when the task was canceled.
 * @throws {MeiliTaskTimeoutError} when it does not finish within `timeout`.
 * @see https://www.meilisearch.com/docs/reference/api/tasks#get-one-task
 */
export async function waitForTask(client: Meilisearch, ref: TaskRef, options: WaitForTaskOptions): Promise<Task> {
  const enqueued = typeof ref === 'number' ? ref : await ref;
  const uid = typeof enqueued === 'number' ? enqueued : enqueued.taskUid;
  const timeout = options.timeout ?? 10 * 60_000;
  const maxInterval = options.maxInterval ?? 500;
  const deadline = Date.now() + timeout;
  let interval = 10;
  for (;;) {
    const task = await client.tasks.getTask(uid);
    if (FINISHED.has(task.status)) {
      if (task.status === 'failed') throw new MeiliTaskFailedError(options.operation, task);
      if (task.status === 'canceled') throw new MeiliTaskCanceledError(options.operation, task);
      return task;
    }
    if (Date.now() + interval > deadline) throw new MeiliTaskTimeoutError(options.operation, uid, timeout);
    await new Promise((resolve) => setTimeout(resolve, interval));
    interval = Math.min(Math.ceil(interval * 1.5), maxInterval);
  }
}
