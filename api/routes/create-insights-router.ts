import { Router } from 'express';
import { z } from 'zod';
import type { Insights } from '../../src/insights/create-insights.ts';
import type { InsightsReport } from '../../src/insights/query-insights.ts';
import { toCsv } from '../../src/insights/to-csv.ts';
import { insightsQuerySchema } from '../feedback-schemas.ts';
import { parseParams } from '../parse-params.ts';
import { requireAdminToken } from '../require-admin-token.ts';

/** The lists `GET /api/admin/insights.csv?list=` exports, with their columns. */
export const CSV_LISTS = {
  'top-queries': { pick: (r: InsightsReport) => r.topQueries, columns: ['query', 'searches', 'avgHits', 'zeroHit', 'noStrong', 'clicks', 'ctr', 'lastSeen'] },
  'content-gaps': { pick: (r: InsightsReport) => r.contentGaps, columns: ['query', 'searches', 'avgHits', 'zeroHit', 'clicks', 'lastSeen'] },
  'zero-hit-queries': { pick: (r: InsightsReport) => r.zeroHitQueries, columns: ['query', 'searches', 'lastSeen'] },
  weeks: { pick: (r: InsightsReport) => r.weeks, columns: ['week', 'searches', 'zeroHit', 'noStrong'] },
  projects: { pick: (r: InsightsReport) => r.projects, columns: ['project', 'searches', 'zeroHit', 'noStrong'] },
  origins: { pick: (r: InsightsReport) => r.origins, columns: ['client', 'origin', 'searches'] },
  'unhelpful-answers': {
    pick: (r: InsightsReport) => r.unhelpfulAnswers.map((a) => ({ ...a, queries: a.queries.map((q) => `${q.query} (${q.count})`).join('; ') })),
    columns: ['recordId', 'unhelpful', 'helpful', 'queries'],
  },
} as const;
type CsvList = keyof typeof CSV_LISTS;

/** The parameters of `GET /api/admin/insights.csv`. */
export const csvQuerySchema = insightsQuerySchema.extend({
  list: z.enum(Object.keys(CSV_LISTS) as [CsvList, ...CsvList[]], { error: `expected one of ${Object.keys(CSV_LISTS).join(', ')}` })
    .meta({ description: 'Which list to export' }),
});

/**
 * `GET /api/admin/insights` (the report as JSON) and `GET /api/admin/insights.csv?list=...`
 * (one list as CSV). Admin token required, like every admin endpoint; no CORS.
 */
export function createInsightsRouter(options: { adminToken: string | undefined; insights: Pick<Insights, 'query'> }): Router {
  const router = Router();
  const guard = requireAdminToken(options.adminToken);
  router.get('/api/admin/insights', guard, async (req, res) => {
    const query = parseParams(insightsQuerySchema, req.query);
    res.set('Cache-Control', 'no-store').json(await options.insights.query({ days: query.days, limit: query.limit }));
  });
  router.get('/api/admin/insights.csv', guard, async (req, res) => {
    const query = parseParams(csvQuerySchema, req.query);
    const list = CSV_LISTS[query.list];
    const report = await options.insights.query({ days: query.days, limit: query.limit ?? 500 });
    const rows = list.pick(report) as unknown as Record<string, unknown>[];
    res.set('Cache-Control', 'no-store')
      .set('Content-Disposition', `attachment; filename="insights-${query.list}-${report.window.to.slice(0, 10)}.csv"`)
      .type('text/csv; charset=utf-8')
      .send(`\uFEFF${toCsv(rows, list.columns)}`);
  });
  return router;
}
