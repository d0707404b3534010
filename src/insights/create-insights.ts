import { statSync } from 'node:fs';
import type { Logger } from 'pino';
import { Counter, Gauge, type Registry } from 'prom-client';
import { InsightsUnavailableError } from '../errors/insights-unavailable-error.ts';
import { deleteOldInsights } from './delete-old-insights.ts';
import type { InsightEvent } from './insight-events.ts';
import { looksLikeSecret } from './looks-like-secret.ts';
import { normalizeInsightQuery } from './normalize-insight-query.ts';
import { openInsightsDb, type InsightsDb } from './open-insights-db.ts';
import { createReportWorker } from './create-report-worker.ts';
import type { InsightsQueryOptions, InsightsReport } from './query-insights.ts';
import { writeInsightEvents } from './write-insight-events.ts';

const DAY = 86_400_000;

export interface InsightsOptions {
  /** The SQLite file (INSIGHTS_DB, default `DATA_DIR/insights.sqlite`). */
  file: string;
  /** Rows older than this are deleted (default: 90). */
  retentionDays?: number;
  /** Registry for the insights metrics (written, dropped by reason, queued). */
  registry?: Registry;
  logger?: Pick<Logger, 'warn' | 'info'>;
  /** Longest an event waits before its batch is written (default: 1000 ms). */
  flushIntervalMs?: number;
  /** Events queued at most; more are dropped and counted (default: 10000). */
  maxQueue?: number;
  /** A full batch is written at once, without waiting for the interval (default: 500). */
  batchSize?: number;
  /** After a failure to open the database, wait this long before trying again (default: 30 s). */
  retryAfterMs?: number;
  /** How often retention runs (default: hourly; it also runs when the database opens). */
  retentionIntervalMs?: number;
  now?: () => number;
}

export type DropReason = 'secret' | 'queue-full' | 'unavailable';

export interface Insights {
  /** Queue an event (never throws, never waits); false when it was dropped. */
  record(event: InsightEvent): boolean;
  /** Write what is queued now (tests and shutdown; the timer does it otherwise). */
  flush(): void;
  /**
   * The report, computed on a worker thread (the main thread keeps serving searches); what is
   * queued is written first. Rejects with InsightsUnavailableError when the database cannot be
   * opened or read.
   */
  query(options?: InsightsQueryOptions): Promise<InsightsReport>;
  /** Delete rows older than the retention; returns how many. */
  enforceRetention(): number;
  /** Events dropped since start, by reason. */
  getDropped(): Record<DropReason, number>;
  readonly retentionDays: number;
  /** Flush and close the database and the report worker; later events are dropped. */
  close(): void;
}

/**
 * The search insights store: events are queued in memory and written in batches to SQLite
 * from a timer, never on the request path. When the database is unavailable (read-only,
 * deleted, broken) the batch is dropped and counted, and opening is retried later: a search
 * never waits for, or fails because of, its insight. A deleted file is noticed and recreated.
 */
export function createInsights(options: InsightsOptions): Insights {
  const retentionDays = options.retentionDays ?? 90;
  const flushIntervalMs = options.flushIntervalMs ?? 1000;
  const maxQueue = options.maxQueue ?? 10_000;
  const batchSize = options.batchSize ?? 500;
  const retryAfterMs = options.retryAfterMs ?? 30_000;
  const now = options.now ?? Date.now;
  const registers = options.registry ? [options.registry] : [];
  const written = new Counter({ name: 'weekly_faq_insights_events_written_total', help: 'Search, click and feedback events written to the insights database', registers });
  const dropped = new Counter({ name: 'weekly_faq_insights_events_dropped_total', help: 'Insight events not recorded, by reason (secret: the query looked like it held one; queue-full; unavailable: the database could not be written)', labelNames: ['reason'] as const, registers });
  const droppedCounts: Record<DropReason, number> = { secret: 0, 'queue-full': 0, unavailable: 0 };
  let queue: InsightEvent[] = [];
  new Gauge({ name: 'weekly_faq_insights_queue_length', help: 'Insight events waiting to be written', registers, collect() { this.set(queue.length); } });

  let db: InsightsDb | null = null;
  let inode: number | null = null;
  let retryAt = 0;
  let timer: NodeJS.Timeout | null = null;
  let closed = false;
  const reports = createReportWorker();

  const drop = (reason: DropReason, count = 1) => {
    droppedCounts[reason] += count;
    dropped.inc({ reason }, count);
  };

  function closeDb(): void {
    try {
      db?.close();
    } catch {
      // closing a broken handle: nothing more to do
    }
    db = null;
    inode = null;
  }

  /** The open database, reopened when its file was deleted or replaced; null while unavailable. */
  function getDb(): InsightsDb | null {
    if (db) {
      const stat = statSync(options.file, { throwIfNoEntry: false });
      if (stat?.ino === inode) return db;
      options.logger?.warn({ file: options.file }, 'Insights database file was deleted or replaced: opening it anew');
      closeDb();
    }
    if (now() < retryAt) return null;
    try {
      db = openInsightsDb(options.file);
      inode = statSync(options.file).ino;
      deleteOldInsights(db, now() - retentionDays * DAY);
      return db;
    } catch (error) {
      closeDb();
      retryAt = now() + retryAfterMs;
      options.logger?.warn({ err: error, file: options.file }, 'Insights database unavailable: events are dropped until it can be opened (searches are not affected)');
      return null;
    }
  }

  function flush(): void {
    if (timer) clearTimeout(timer);
    timer = null;
    while (queue.length) {
      const batch = queue.slice(0, batchSize);
      queue = queue.slice(batch.length);
      const target = getDb();
      if (!target) {
        drop('unavailable', batch.length + queue.length);
        queue = [];
        return;
      }
      try {
        writeInsightEvents(target, batch);
        written.inc(batch.length);
      } catch (error) {
        drop('unavailable', batch.length);
        options.logger?.warn({ err: error, file: options.file }, 'Insights batch not written: dropped');
        closeDb();
        retryAt = now() + retryAfterMs;
      }
    }
  }

  function schedule(): void {
    if (queue.length >= batchSize) {
      if (timer) clearTimeout(timer);
      timer = setTimeout(flush, 0);
      timer.unref();
    } else if (!timer) {
      timer = setTimeout(flush, flushIntervalMs);
      timer.unref();
    }
  }

  const retention = setInterval(() => {
    try {
      const target = getDb();
      if (target) deleteOldInsights(target, now() - retentionDays * DAY);
    } catch (error) {
      options.logger?.warn({ err: error }, 'Insights retention failed; tried again next time');
    }
  }, options.retentionIntervalMs ?? 3_600_000);
  retention.unref();

  return {
    retentionDays,
    record(event) {
      if (closed) return false;
      const query = normalizeInsightQuery(event.query);
      if (query && looksLikeSecret(query)) {
        drop('secret');
        return false;
      }
      if (queue.length >= maxQueue) {
        drop('queue-full');
        return false;
      }
      queue.push({ ...event, query });
      schedule();
      return true;
    },
    flush,
    async query(queryOptions = {}) {
      flush();
      // opened here first: creates the file and its schema, and says at once when it cannot
      if (!getDb()) throw new InsightsUnavailableError(`Insights: the database ${options.file} cannot be opened (see the log)`);
      const days = Math.min(queryOptions.days ?? 30, retentionDays);
      try {
        return await reports.run(options.file, { ...queryOptions, days, now: queryOptions.now ?? now() });
      } catch (error) {
        throw new InsightsUnavailableError(`Insights: reading ${options.file} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      }
    },
    enforceRetention() {
      const target = getDb();
      return target ? deleteOldInsights(target, now() - retentionDays * DAY) : 0;
    },
    getDropped: () => ({ ...droppedCounts }),
    close() {
      if (closed) return;
      flush();
      closed = true;
      clearInterval(retention);
      closeDb();
      void reports.close();
    },
  };
}
