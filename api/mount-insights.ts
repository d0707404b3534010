import cors, { type CorsOptions } from 'cors';
import type { Express } from 'express';
import type { Insights } from '../src/insights/create-insights.ts';
import { createFeedbackRouter } from './routes/create-feedback-router.ts';
import { createInsightsRouter } from './routes/create-insights-router.ts';

/** The insights' endpoints a widget posts to from its host page, with CORS. */
export const INSIGHTS_POST_PATHS = ['/api/feedback', '/api/click'];

/** CORS of `INSIGHTS_POST_PATHS`: the read-only endpoints' `cors`, for POST. */
export function getInsightsPostCors(readOnly: CorsOptions): CorsOptions {
  return { ...readOnly, methods: ['POST'] };
}

/**
 * The insights' endpoints: `POST /api/feedback`, `POST /api/click` (CORS as the read-only
 * endpoints, so the widget can post from its host page; `createApp` answers their preflights
 * with the others') and the admin report.
 */
export function mountInsights(app: Express, options: { insights: Insights; adminToken: string | undefined; cors: CorsOptions; feedbackRateLimit: number }): void {
  const postCors = cors(getInsightsPostCors(options.cors));
  app.use(createFeedbackRouter({ insights: options.insights, rateLimit: options.feedbackRateLimit, before: [postCors] }));
  app.use(createInsightsRouter({ adminToken: options.adminToken, insights: options.insights }));
}
