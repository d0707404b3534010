// `npm start`: the search service. Configuration from the environment (src/config.ts), the
// embedded Meilisearch (or MEILI_URL), an initial index when the live index is empty, the
// reindex cron, then HTTP on PORT. SIGTERM/SIGINT: graceful stop, exit 0.
import type { Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { createReindexJob } from '../indexer/create-reindex-job.ts';
import { loadConfig, type Config } from '../src/config.ts';
import { isWeeklyFaqError } from '../src/errors/weekly-faq-error.ts';
import { installShutdownHooks } from '../src/install-shutdown-hooks.ts';
import { createLogger } from '../src/logger.ts';
import { createInsightsFromConfig } from '../src/insights/create-insights-from-config.ts';
import type { Insights } from '../src/insights/create-insights.ts';
import { connectMeili, type MeiliConnection } from '../src/meili/connect-meili.ts';
import { createReindexScheduler, type ReindexScheduler } from '../src/reindex-scheduler.ts';
import { closeServer } from './close-server.ts';
import { createApp } from './create-app.ts';
import { createMetrics } from './create-metrics.ts';
import { createMeiliSearchBackend } from './meili-search-backend.ts';

/** Posts indexed when WEEKLY_SOURCE is unset, so a first `npm start` has something to find. */
export const SAMPLE_POSTS = fileURLToPath(new URL('../samples/posts', import.meta.url));

let config: Config;
try {
  config = loadConfig();
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
const logger = createLogger({ level: config.logLevel });

let server: Server | null = null;
let scheduler: ReindexScheduler | null = null;
let connection: MeiliConnection | null = null;
let insights: Insights | undefined;

installShutdownHooks({
  logger,
  cleanup: async () => {
    if (server) await closeServer(server);
    insights?.close(); // writes the queued events
    await scheduler?.stop();
    // A run in progress fails cleanly once Meilisearch stops (the live index is untouched);
    // give it a moment to finish on its own first.
    if (scheduler) await Promise.race([scheduler.idle(), new Promise((resolve) => setTimeout(resolve, 5_000))]);
    await connection?.stop();
    logger.info('Stopped');
    // installShutdownHooks exits with the signal's code; a graceful stop is a success.
    process.exit(0);
  },
});

try {
  connection = await connectMeili(config, logger);
  const backend = createMeiliSearchBackend({ connection, indexName: config.indexName });
  const source = config.weeklySource ?? SAMPLE_POSTS;
  const job = createReindexJob({ config: { ...config, weeklySource: source }, connection, logger });
  let forceNext = false;
  scheduler = createReindexScheduler({
    cron: config.reindexCron,
    timeZone: config.timeZone,
    logger,
    run: () => {
      const force = forceNext;
      forceNext = false;
      return job({ force });
    },
  });

  const health = await backend.health();
  if (!health.available) throw new Error(`Meilisearch does not answer: ${health.reason ?? 'unknown reason'}`);
  if (!health.documents) {
    logger.info({ source, sample: !config.weeklySource }, `The index ${config.indexName} is empty: indexing ${config.weeklySource ? 'WEEKLY_SOURCE' : 'the sample posts'}`);
    // forced: an emptied index must be rebuilt even when the source did not change
    forceNext = true;
    const report = await scheduler.trigger('startup');
    if (report?.outcome !== 'succeeded') logger.error({ outcome: report?.outcome ?? 'failed' }, 'The initial index failed: the API answers 503 until a reindex succeeds (see /api/admin/status)');
  }
  scheduler.start();

  const metrics = createMetrics();
  insights = createInsightsFromConfig(config, { registry: metrics.registry, logger });
  const app = createApp({ backend, logger, config, scheduler, metrics, insights });
  server = app.listen(config.port);
  await new Promise<void>((resolve, reject) => {
    server?.once('listening', resolve).once('error', reject);
  });
  logger.info({ port: config.port, url: `http://localhost:${config.port}/api/search?q=` }, 'Listening');
} catch (error) {
  logger.fatal({ err: error, code: isWeeklyFaqError(error) ? error.code : undefined }, `Start failed: ${error instanceof Error ? error.message : String(error)}`);
  await connection?.stop();
  process.exit(1);
}
