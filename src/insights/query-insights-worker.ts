// The insight report's worker thread: its aggregates read up to a million rows, which must not
// hold the main thread (and the searches it serves) for that long. One connection per report,
// so a deleted or replaced file is never read through a stale handle.
import { parentPort } from 'node:worker_threads';
import { openInsightsDbForReading } from './open-insights-db.ts';
import { queryInsights, type InsightsQueryOptions } from './query-insights.ts';

parentPort?.on('message', (message: { id: number; file: string; options: InsightsQueryOptions }) => {
  try {
    const db = openInsightsDbForReading(message.file);
    try {
      parentPort?.postMessage({ id: message.id, report: queryInsights(db, message.options) });
    } finally {
      db.close();
    }
  } catch (error) {
    parentPort?.postMessage({ id: message.id, error: error instanceof Error ? error.message : String(error) });
  }
});
