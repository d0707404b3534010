import type { EnqueuedTask, EnqueuedTaskPromise, Meilisearch, Task } from 'meilisearch';
import pRetry from 'p-retry';
import { MeiliTaskCanceledError, MeiliTaskFailedError, MeiliTaskTimeoutError } from '../errors/meili-task-error.ts';
import { isBusyMeiliError } from './is-busy-meili-error.ts';

export interface WaitForTaskOptions {
  /** What the task does, for error messages, e.g. `add batch 3 to qa_build_1`. */
  operation: string;
  /** Give up waiting after this many ms (default: 10 minutes; indexing a large batch takes a while). */
  timeout?: number;
  /** Longest pause between two polls in ms (default: 500). Polling starts at 10 ms and backs off. */
  maxInterval?: number;
  /** Busy answers (`isBusyMeiliError`) to the request that enqueues the task, sent again this many times at most (default: 5, backing off from 0.5 s). */
  retries?: number;
  /** Told of every busy answer that is retried (the enqueue or a poll), e.g. to log it. */
  onBusy?: (error: unknown, attempt: number) => void;
}

/** A task to wait for: the client's `EnqueuedTaskPromise`, an `EnqueuedTask`, or a task uid. */
export type TaskRef = EnqueuedTaskPromise | Promise<EnqueuedTask> | EnqueuedTask | number;

/** The call that enqueues the task: sent again while Meilisearch answers it is too busy to take it. */
export type EnqueueTask = () => TaskRef;

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
 * A busy server (`isBusyMeiliError`: 408, 429, 503) is waited out rather than failing the job:
 * given as `EnqueueTask`, the enqueueing call is sent again (`retries`), and a busy answer to a
 * poll is a poll to repeat, until `timeout`.
 *
 * @throws {MeiliTaskFailedError} when the task resolves with status `failed` (its `taskCode` is the task's error code).
 * @throws {MeiliTaskCanceledError} when the task was canceled.
 * @throws {MeiliTaskTimeoutError} when it does not finish within `timeout`.
 * @see https://www.meilisearch.com/docs/reference/api/tasks#get-one-task
 */
export async function waitForTask(client: Meilisearch, ref: TaskRef | EnqueueTask, options: WaitForTaskOptions): Promise<Task> {
  const enqueued = typeof ref === 'function'
    ? await pRetry(async () => await ref(), {
      retries: options.retries ?? 5,
      minTimeout: 500,
      shouldRetry: ({ error }) => isBusyMeiliError(error),
      onFailedAttempt: ({ error, attemptNumber, retriesLeft }) => {
        if (retriesLeft > 0 && isBusyMeiliError(error)) options.onBusy?.(error, attemptNumber);
      },
    })
    : typeof ref === 'number' ? ref : await ref;
  const uid = typeof enqueued === 'number' ? enqueued : enqueued.taskUid;
  const timeout = options.timeout ?? 10 * 60_000;
  const maxInterval = options.maxInterval ?? 500;
  const deadline = Date.now() + timeout;
  let interval = 10;
  let busyPolls = 0;
  for (;;) {
    const task = await client.tasks.getTask(uid).catch((error: unknown) => {
      if (!isBusyMeiliError(error) || Date.now() + interval > deadline) throw error;
      options.onBusy?.(error, ++busyPolls);
      return null;
    });
    if (task && FINISHED.has(task.status)) {
      if (task.status === 'failed') throw new MeiliTaskFailedError(options.operation, task);
      if (task.status === 'canceled') throw new MeiliTaskCanceledError(options.operation, task);
      return task;
    }
    if (Date.now() + interval > deadline) throw new MeiliTaskTimeoutError(options.operation, uid, timeout);
    await new Promise((resolve) => setTimeout(resolve, interval));
    interval = Math.min(Math.ceil(interval * 1.5), maxInterval);
  }
}
