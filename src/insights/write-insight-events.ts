import type { InsightEvent } from './insight-events.ts';
import type { InsightsDb } from './open-insights-db.ts';

const statements = new WeakMap<InsightsDb, ReturnType<typeof prepare>>();

function prepare(db: InsightsDb) {
  const search = db.prepare('INSERT INTO searches (ts, query, filters, hits, strong, project, latency_ms, client, origin) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  // a later vote on the same answer in the same session replaces the earlier one
  const feedback = db.prepare(`INSERT INTO feedback (key, ts, record_id, helpful, query, client) VALUES (?, ?, ?, ?, ?, ?)
    ON CONFLICT (key) DO UPDATE SET ts = excluded.ts, helpful = excluded.helpful, query = excluded.query`);
  const click = db.prepare('INSERT OR IGNORE INTO clicks (key, ts, record_id, position, query, client) VALUES (?, ?, ?, ?, ?, ?)');
  const write = db.transaction((events: InsightEvent[]) => {
    for (const e of events) {
      if (e.kind === 'search') search.run(e.ts, e.query, e.filters, e.hits, e.strongHits, e.project, e.latencyMs, e.client, e.origin);
      else if (e.kind === 'feedback') feedback.run(e.key, e.ts, e.recordId, e.helpful ? 1 : 0, e.query, e.client);
      else click.run(e.key, e.ts, e.recordId, e.position, e.query, e.client);
    }
  });
  return write;
}

/** Write a batch of events in one transaction (all or none). */
export function writeInsightEvents(db: InsightsDb, events: InsightEvent[]): void {
  let write = statements.get(db);
  if (!write) {
    write = prepare(db);
    statements.set(db, write);
  }
  write(events);
}
