import cron, { type ScheduledTask } from 'node-cron';
import type { Logger } from 'pino';
import type { ReindexProgress, ReindexReport } from './reindex-report.ts';
import { isWeeklyFaqError } from '../../src/errors/weekly-faq-error.ts';
import { getOtherReindexRun } from './reindex-lock.ts';

export type ReindexTrigger = 'cron' | 'manual' | 'startup';

/** The last finished run, for the admin status endpoint. */
export interface ReindexRunStatus {
  trigger: ReindexTrigger;
  startedAt: string;
  finishedAt: string;
  outcome: ReindexReport['outcome'];
  /** The run's report; null when the run threw before producing one. */
  report: ReindexReport | null;
  error: { code: string; message: string } | null;
}

export interface ReindexSchedulerStatus {
  /** False when REINDEX_CRON is `off`. */
  enabled: boolean;
  cron: string | null;
  timeZone: string;
  running: boolean;
  /** The run in progress, if any, with how far it got (null until its first step reports). */
  currentRun: { trigger: ReindexTrigger; startedAt: string; progress: ReindexProgress | null } | null;
  /** ISO time of the next scheduled run; null when disabled or stopped. */
  nextRunAt: string | null;
  lastRun: ReindexRunStatus | null;
  /** Triggers skipped because a run was still going. */
  skippedOverlaps: number;
}

export interface ReindexScheduler {
  /** Start the schedule (no-op when disabled). */
  start(): void;
  /** Stop the schedule; a run in progress continues (await `idle()` to wait for it). */
  stop(): Promise<void>;
  /** Run now unless a run is going; resolves with its report, or null when skipped as an overlap. */
  trigger(trigger?: ReindexTrigger, options?: ReindexRunOptions): Promise<ReindexReport | null>;
  /** Resolves when no run is in progress. */
  idle(): Promise<void>;
  getStatus(): ReindexSchedulerStatus;
  /** A run of another process holding this index's reindex lock (`npm run index`), or null. */
  getOtherRun(): Promise<{ pid: number; startedAt: string } | null>;
}

export interface ReindexRunOptions {
  /** Rebuild even when the source is unchanged, and swap even when the index shrinks. */
  force?: boolean;
}

export interface ReindexSchedulerOptions {
  /** node-cron expression, or null to disable (REINDEX_CRON=off). */
  cron: string | null;
  /** IANA time zone of the expression (TZ). */
  timeZone: string;
  /** One reindex (e.g. resolve sources, then `reindex`); should report failures in its report rather than throw. */
  run: (trigger: ReindexTrigger, options: { force: boolean; onProgress: (progress: ReindexProgress) => void }) => Promise<ReindexReport>;
  logger: Logger;
  /** The reindex lock the runs take (`getReindexLockPath`), to tell a run of another process (default: none). */
  lockPath?: string;
}

/**
 * The nightly reindex inside the service: node-cron runs `run` on `cron` in `timeZone`.
 * Runs never overlap: a trigger while a run is going (cron or manual, here or in another process
 * holding the reindex lock, such as `npm run index`) is skipped, logged and counted.
 * The last run's outcome and report are kept for the admin status endpoint; a failed run
 * (which leaves the live index serving) is logged as an error and reported there.
 *
 * @see https://github.com/node-cron/node-cron#readme
 */
export function createReindexScheduler(options: ReindexSchedulerOptions): ReindexScheduler {
  const { logger, timeZone } = options;
  if (options.cron !== null && !cron.validate(options.cron)) throw new TypeError(`createReindexScheduler: invalid cron expression ${JSON.stringify(options.cron)}`);
  let task: ScheduledTask | null = null;
  interface CurrentRun { trigger: ReindexTrigger; startedAt: string; done: Promise<void>; progress: ReindexProgress | null }
  let current: CurrentRun | null = null;
  let lastRun: ReindexRunStatus | null = null;
  let skippedOverlaps = 0;

  async function trigger(kind: ReindexTrigger = 'manual', runOptions: ReindexRunOptions = {}): Promise<ReindexReport | null> {
    if (current) {
      skippedOverlaps++;
      logger.warn({ trigger: kind, runningSince: current.startedAt, runningTrigger: current.trigger }, 'Reindex already running: this trigger is skipped');
      return null;
    }
    const startedAt = new Date().toISOString();
    let finish!: () => void;
    const run: CurrentRun = { trigger: kind, startedAt, done: new Promise<void>((resolve) => (finish = resolve)), progress: null };
    current = run;
    const force = runOptions.force ?? false;
    try {
      // a run of another process (`npm run index`) holds the lock: the index is being rebuilt
      // already, so this trigger is an overlap to skip, not a run that fails on the lock
      const other = options.lockPath ? await getOtherReindexRun(options.lockPath) : null;
      if (other) {
        skippedOverlaps++;
        logger.warn({ trigger: kind, otherPid: other.pid, runningSince: other.startedAt }, `Reindex already running in process ${other.pid}: this trigger is skipped`);
        return null;
      }
      logger.info({ trigger: kind, force }, 'Scheduled reindex starting');
      // how far the run got, for /api/admin/status: a long run otherwise shows only that it runs
      const report = await options.run(kind, { force, onProgress: (progress) => (run.progress = { ...progress }) });
      lastRun = { trigger: kind, startedAt, finishedAt: new Date().toISOString(), outcome: report.outcome, report, error: report.error };
      const level = report.outcome === 'failed' ? 'error' : 'info';
      logger[level]({ trigger: kind, report }, `Reindex ${report.outcome}${report.error ? `: ${report.error.code}: ${report.error.message}` : ''}`);
      return report;
    } catch (error) {
      const info = {
        code: isWeeklyFaqError(error) ? error.code : 'unexpected',
        message: error instanceof Error ? error.message : String(error),
      };
      lastRun = { trigger: kind, startedAt, finishedAt: new Date().toISOString(), outcome: 'failed', report: null, error: info };
      logger.error({ err: error, trigger: kind }, 'Reindex failed; the live index keeps serving');
      return null;
    } finally {
      current = null;
      finish();
    }
  }

  return {
    start() {
      if (options.cron === null || task) return;
      // noOverlap stays off: our own guard skips (and logs, and counts) overlapping triggers of any kind.
      task = cron.createTask(options.cron, () => trigger('cron'), { timezone: timeZone, name: 'weekly-faq-reindex' });
      void task.start();
      logger.info({ cron: options.cron, timeZone, nextRunAt: task.getNextRun()?.toISOString() ?? null }, 'Reindex schedule started');
    },
    async stop() {
      if (!task) return;
      const stopping = task;
      task = null;
      await stopping.destroy();
    },
    trigger,
    async idle() {
      await current?.done;
    },
    async getOtherRun() {
      return options.lockPath ? await getOtherReindexRun(options.lockPath) : null;
    },
    getStatus() {
      return {
        enabled: options.cron !== null,
        cron: options.cron,
        timeZone,
        running: current !== null,
        currentRun: current ? { trigger: current.trigger, startedAt: current.startedAt, progress: current.progress } : null,
        nextRunAt: task?.getNextRun()?.toISOString() ?? null,
        lastRun,
        skippedOverlaps,
      };
    },
  };
}
