import type { InsightsDb } from './open-insights-db.ts';

/** Delete every search, click and vote recorded before `before` (Unix ms); returns the rows removed. */
export function deleteOldInsights(db: InsightsDb, before: number): number {
  let removed = 0;
  db.transaction(() => {
    for (const table of ['searches', 'feedback', 'clicks']) {
      removed += db.prepare(`DELETE FROM ${table} WHERE ts < ?`).run(before).changes;
    }
  })();
  return removed;
}
