import compression from 'compression';
import cors, { type CorsOptions } from 'cors';
import express, { type Express, type RequestHandler } from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import type { Config } from '../src/config.ts';
import { NotFoundError } from '../src/errors/not-found-error.ts';
import type { Insights } from '../src/insights/create-insights.ts';
import type { ReindexScheduler } from '../indexer/load/reindex-scheduler.ts';
import type { ApiMetrics } from './create-metrics.ts';
import { createSearchRateLimit } from './create-search-rate-limit.ts';
import { INSIGHTS_POST_PATHS, getInsightsPostCors, mountInsights } from './mount-insights.ts';
import { onError } from './on-error.ts';
import { parseQueryString } from './parse-query-string.ts';
import { recordRequestMetrics } from './record-request-metrics.ts';
import { answerOptions, methodNotAllowed } from './method-not-allowed.ts';
import { createRequestContext } from './request-context.ts';
import { createAdminRouter } from './routes/create-admin-router.ts';
import { createFacetsRouter } from './routes/create-facets-router.ts';
import { createHealthRouter } from './routes/create-health-router.ts';
import { createMetricsRouter } from './routes/create-metrics-router.ts';
import { createOpenApiRouter } from './routes/create-openapi-router.ts';
import { createRecordRouter } from './routes/create-record-router.ts';
import { createSearchRouter } from './routes/create-search-router.ts';
import type { SearchBackend } from '../src/contract/search-backend.ts';

export interface AppOptions {
  backend: SearchBackend;
  logger: Logger;
  config: Pick<Config, 'adminToken' | 'corsOrigins' | 'searchRateLimit'> & Partial<Pick<Config, 'publicUrl' | 'trustProxy' | 'feedbackRateLimit'>>;
  /** The reindex scheduler, for the admin endpoints and the reindex metrics (optional in tests). */
  scheduler?: Pick<ReindexScheduler, 'getStatus' | 'trigger'> | undefined;
  metrics: ApiMetrics;
  /** Search insights: records searches, clicks and feedback, serves the admin report (optional: off in most tests). */
  insights?: Insights | undefined;
  /**
   * The front end's routers, mounted after the API's (`api/main.ts` passes `createWebRouters`
   * from `web/`; without it the app is the API alone).
   */
  web?: ((options: { backend: SearchBackend; publicUrl?: string | undefined }) => RequestHandler[]) | undefined;
}

/**
 * CORS of the read-only endpoints: CORS_ORIGINS, or any origin when it is empty (or lists `*`).
 * Credentials are never allowed; admin endpoints get no CORS at all.
 */
export function getCorsOptions(origins: readonly string[]): CorsOptions {
  const any = origins.length === 0 || origins.includes('*');
  return { origin: any ? '*' : [...origins], methods: ['GET', 'HEAD', 'POST'], exposedHeaders: ['X-Request-Id', 'ETag', 'Retry-After'], maxAge: 600 };
}

/**
 * The HTTP API as an Express app, without listening (tests drive it with supertest;
 * `api/main.ts` listens). Every response has an `X-Request-Id`; errors answer
 * `{ error: { code, message } }` from the one error middleware (`onError`).
 */
export function createApp(options: AppOptions): Express {
  const { backend, logger, config, scheduler, metrics, insights } = options;
  const app = express();
  // repeated parameters become arrays, nothing nests; an invalid `%` escape is a 400 naming the parameter
  app.set('query parser', parseQueryString);
  app.set('etag', 'weak');
  app.disable('x-powered-by');
  // TRUST_PROXY: which X-Forwarded-For hops give the client address (rate limit, logs); off by default
  app.set('trust proxy', config.trustProxy ?? false);

  app.use(createRequestContext(logger));
  app.use(recordRequestMetrics(metrics));
  // An API answers JSON only: a strict CSP and no embedding; other origins may still read it (CORS).
  app.use(helmet({ crossOriginResourcePolicy: { policy: 'cross-origin' } }));
  app.use(compression());

  const corsOptions = getCorsOptions(config.corsOrigins);
  const readOnlyCors = cors(corsOptions);
  // OPTIONS before any router (a router would answer OPTIONS for its own paths by itself, each
  // its own way): the CORS paths' preflight headers, then 204 with `Allow` on every known path
  const preflight = { preflightContinue: true };
  app.options(['/api/search', '/api/qa/:id', '/api/facets', '/openapi.json'], cors({ ...corsOptions, ...preflight }));
  if (insights) app.options(INSIGHTS_POST_PATHS, cors({ ...getInsightsPostCors(corsOptions), ...preflight }));
  app.use(answerOptions(app));
  // The searches, by far the most frequent requests, next: no other route's layers are matched
  // against their path on the way.
  app.use(createSearchRouter({ backend, metrics, insights, before: [readOnlyCors, createSearchRateLimit(config.searchRateLimit)] }));

  app.use(createHealthRouter({ backend }));
  app.use(createMetricsRouter({ metrics, backend, scheduler, adminToken: config.adminToken }));
  app.use(createOpenApiRouter({ admin: Boolean(config.adminToken), before: [readOnlyCors] }));
  app.use(createRecordRouter({ backend, before: [readOnlyCors] }));
  app.use(createFacetsRouter({ backend, before: [readOnlyCors] }));
  // without ADMIN_TOKEN the admin endpoints do not exist at all (404, not 405)
  if (config.adminToken) app.use(createAdminRouter({ adminToken: config.adminToken, backend, scheduler }));
  if (insights) mountInsights(app, { insights, adminToken: config.adminToken, cors: corsOptions, feedbackRateLimit: config.feedbackRateLimit ?? 60 });
  if (options.web) app.use(...options.web({ backend, publicUrl: config.publicUrl }));

  app.use(methodNotAllowed(app));
  app.use((req, _res, next) => next(new NotFoundError(`No route ${req.method} ${req.path}`)));
  app.use(onError);
  return app;
}
