import type { InsightsDb } from './open-insights-db.ts';

const DAY = 86_400_000;

export interface QueryRow {
  query: string;
  searches: number;
  /** Mean number of hits. */
  avgHits: number;
  zeroHit: number;
  /** Searches without a strong hit (zero hits included); 0 when the search does not say. */
  noStrong: number;
  clicks: number;
  /** Clicks per search of this query. */
  ctr: number;
  lastSeen: string;
}

export interface InsightsReport {
  window: { from: string; to: string; days: number };
  totals: { searches: number; withQuery: number; zeroHit: number; noStrong: number; clicks: number; helpful: number; unhelpful: number };
  /** Most searched queries (browsing without words left out). */
  topQueries: QueryRow[];
  /** Queries none of whose searches had a strong answer: the answers to write next. */
  contentGaps: QueryRow[];
  /** Queries that found nothing at all. */
  zeroHitQueries: QueryRow[];
  /** Per week (Monday, UTC), oldest first. */
  weeks: { week: string; searches: number; zeroHit: number; noStrong: number }[];
  /** Per project the search detected in the query (null: none). */
  projects: { project: string | null; searches: number; zeroHit: number; noStrong: number }[];
  /** Per client (page, widget, api) and the widget's host origin. */
  origins: { client: string; origin: string | null; searches: number }[];
  /** Answers marked unhelpful, with the queries that led to them. */
  unhelpfulAnswers: { recordId: string; unhelpful: number; helpful: number; queries: { query: string; count: number }[] }[];
}

export interface InsightsQueryOptions {
  /** Days back from `now` (default: 30). */
  days?: number;
  /** Rows per list (default: 50). */
  limit?: number;
  now?: number;
}

const NO_STRONG = '(hits = 0 OR strong = 0)';

const toIso = (ts: number) => new Date(ts).toISOString();
const num = (value: unknown) => (typeof value === 'number' ? value : Number(value ?? 0));

/** `ts` → the Monday (UTC) of its week, as integer math SQLite does fast (1970-01-01 was a Thursday). */
const WEEK_OF = '((ts / 86400000 + 3) / 7)';
const weekStart = (week: number) => new Date((week * 7 - 3) * DAY).toISOString().slice(0, 10);

/**
 * Everything `GET /api/admin/insights` shows, over the last `days` days. Each list is one
 * aggregate over a covering index; the per-query lists share one pass (a temporary table).
 */
export function queryInsights(db: InsightsDb, options: InsightsQueryOptions = {}): InsightsReport {
  const now = options.now ?? Date.now();
  const days = options.days ?? 30;
  const limit = options.limit ?? 50;
  const since = now - days * DAY;
  const all = <T>(sql: string, ...params: unknown[]) => db.prepare(sql).all(...params) as T[];

  // each list reads one covering index (see open-insights-db.ts), never the table itself
  const totalsRow = db.prepare(`SELECT count(*) AS searches, sum(hits = 0) AS zeroHit, sum(${NO_STRONG}) AS noStrong
      FROM searches INDEXED BY searches_ts WHERE ts >= ? AND ts <= ?`).get(since, now) as Record<string, unknown>;
  const withQueryRow = db.prepare(`SELECT count(*) AS withQuery FROM searches INDEXED BY searches_query
      WHERE query > '' AND ts >= ? AND ts <= ?`).get(since, now) as Record<string, unknown>;
  const clicksRow = db.prepare('SELECT count(*) AS clicks FROM clicks WHERE ts >= ? AND ts <= ?').get(since, now) as Record<string, unknown>;
  const votesRow = db.prepare('SELECT sum(helpful = 1) AS helpful, sum(helpful = 0) AS unhelpful FROM feedback WHERE ts >= ? AND ts <= ?').get(since, now) as Record<string, unknown>;

  const clicksByQuery = new Map(all<{ query: string; n: number }>(
    'SELECT query, count(*) AS n FROM clicks WHERE ts >= ? AND ts <= ? GROUP BY query', since, now).map((r) => [r.query, r.n]));

  // the per-query aggregate once, then sorted three ways
  db.exec('DROP TABLE IF EXISTS temp.query_stats');
  db.prepare(`CREATE TEMP TABLE query_stats AS SELECT query, count(*) AS searches, avg(hits) AS avgHits, sum(hits = 0) AS zeroHit,
      sum(${NO_STRONG}) AS noStrong, max(hits) AS maxHits, max(ts) AS lastSeen
    FROM searches INDEXED BY searches_query WHERE query > '' AND ts >= ? AND ts <= ? GROUP BY query`).run(since, now);
  const queryRows = (where: string): QueryRow[] =>
    all<Record<string, unknown>>(`SELECT * FROM temp.query_stats ${where} ORDER BY searches DESC, query LIMIT ?`, limit).map((r) => {
      const searches = num(r.searches);
      const clicks = clicksByQuery.get(String(r.query)) ?? 0;
      return {
        query: String(r.query), searches, avgHits: Math.round(num(r.avgHits) * 10) / 10, zeroHit: num(r.zeroHit),
        noStrong: num(r.noStrong), clicks, ctr: searches ? Math.round((clicks / searches) * 1000) / 1000 : 0, lastSeen: toIso(num(r.lastSeen)),
      };
    });
  const topQueries = queryRows('');
  const contentGaps = queryRows('WHERE noStrong = searches');
  const zeroHitQueries = queryRows('WHERE maxHits = 0');
  db.exec('DROP TABLE temp.query_stats');

  const unhelpful = all<{ record_id: string; unhelpful: number; helpful: number }>(
    `SELECT record_id, sum(helpful = 0) AS unhelpful, sum(helpful = 1) AS helpful FROM feedback
     WHERE ts >= ? AND ts <= ? GROUP BY record_id HAVING sum(helpful = 0) > 0 ORDER BY unhelpful DESC, record_id LIMIT ?`, since, now, limit);
  const queriesOf = db.prepare(`SELECT query, count(*) AS count FROM feedback WHERE record_id = ? AND helpful = 0 AND ts >= ? AND ts <= ? AND query <> ''
     GROUP BY query ORDER BY count DESC, query LIMIT 10`);

  return {
    window: { from: toIso(since), to: toIso(now), days },
    totals: {
      searches: num(totalsRow.searches), withQuery: num(withQueryRow.withQuery), zeroHit: num(totalsRow.zeroHit), noStrong: num(totalsRow.noStrong),
      clicks: num(clicksRow.clicks), helpful: num(votesRow.helpful), unhelpful: num(votesRow.unhelpful),
    },
    topQueries,
    contentGaps,
    zeroHitQueries,
    weeks: all<Record<string, unknown>>(`SELECT ${WEEK_OF} AS week, count(*) AS searches, sum(hits = 0) AS zeroHit, sum(${NO_STRONG}) AS noStrong
      FROM searches INDEXED BY searches_ts WHERE ts >= ? AND ts <= ? GROUP BY week ORDER BY week`, since, now)
      .map((r) => ({ week: weekStart(num(r.week)), searches: num(r.searches), zeroHit: num(r.zeroHit), noStrong: num(r.noStrong) })),
    projects: all<Record<string, unknown>>(`SELECT project, count(*) AS searches, sum(hits = 0) AS zeroHit, sum(${NO_STRONG}) AS noStrong
      FROM searches INDEXED BY searches_project WHERE ts >= ? AND ts <= ? GROUP BY project ORDER BY searches DESC, project LIMIT ?`, since, now, limit)
      .map((r) => ({ project: typeof r.project === 'string' ? r.project : null, searches: num(r.searches), zeroHit: num(r.zeroHit), noStrong: num(r.noStrong) })),
    origins: all<Record<string, unknown>>(`SELECT client, origin, count(*) AS searches FROM searches INDEXED BY searches_client WHERE ts >= ? AND ts <= ?
      GROUP BY client, origin ORDER BY searches DESC, client, origin LIMIT ?`, since, now, limit)
      .map((r) => ({ client: String(r.client), origin: typeof r.origin === 'string' ? r.origin : null, searches: num(r.searches) })),
    unhelpfulAnswers: unhelpful.map((r) => ({
      recordId: r.record_id, unhelpful: num(r.unhelpful), helpful: num(r.helpful),
      queries: (queriesOf.all(r.record_id, since, now) as { query: string; count: number }[]).map((q) => ({ query: q.query, count: num(q.count) })),
    })),
  };
}
