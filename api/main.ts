// `npm start`: the search service. Configuration from the environment (src/config.ts), the
// embedded Meilisearch (or MEILI_URL), an initial index when the live index is empty or
// WEEKLY_SOURCE changed, the reindex cron, then HTTP on PORT. SIGTERM/SIGINT: graceful stop, exit 0.
import type { Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import type { createReindexJob } from '../indexer/load/create-reindex-job.ts';
import { getIndexFormat } from '../indexer/load/get-index-format.ts';
import { getSourceIdentity } from '../indexer/load/get-source-fingerprint.ts';
import { getLastBuiltSources, type LastBuiltSources } from '../indexer/load/get-last-built-sources.ts';
import { getReindexLockPath } from '../indexer/load/reindex-lock.ts';
import type { ReindexReport } from '../indexer/load/reindex-report.ts';
import { getReindexStatePath, readIndexState, type IndexState } from '../indexer/load/reindex-state.ts';
import { getJobSources } from '../src/source-config.ts';
import { loadConfig, type Config } from '../src/config.ts';
import { isWeeklyFaqError } from '../src/errors/weekly-faq-error.ts';
import { installShutdownHooks } from '../src/install-shutdown-hooks.ts';
import { createLogger } from '../src/logger.ts';
import type { Insights } from '../src/insights/create-insights.ts';
import { connectMeili, type MeiliConnection } from '../src/meili/connect-meili.ts';
import { createReindexScheduler, type ReindexScheduler } from '../indexer/load/reindex-scheduler.ts';
import { acquireServiceLock } from './acquire-service-lock.ts';
import { checkPortFree, toPortError } from './check-port-free.ts';
import { closeServer, trackConnections } from './close-server.ts';

/** Posts indexed into an empty index when SOURCES and WEEKLY_SOURCE are unset, so a first `npm start` has something to find. */
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
let exitCode = 0;
let insights: Insights | undefined;

const shutdown = installShutdownHooks({
  logger,
  cleanup: async () => {
    if (server) await closeServer(server);
    insights?.close(); // writes the queued events
    await scheduler?.stop();
    // A run in progress fails cleanly once Meilisearch stops (the live index is untouched);
    // give it a moment to finish on its own first.
    if (scheduler) await Promise.race([scheduler.idle(), new Promise((resolve) => setTimeout(resolve, 5_000).unref())]);
    await connection?.stop();
    logger.info('Stopped');
    // installShutdownHooks exits with the signal's code; a graceful stop is a success.
    process.exit(exitCode);
  },
});

/**
 * The HTTP side (express, the search pipeline, the pages, the insights: most of the code), loaded
 * while Meilisearch starts rather than before it: a warm start waits for the longer of the two.
 */
async function loadHttpSide() {
  const [{ createApp }, { createMetrics }, { createMeiliSearchBackend }, { createInsightsFromConfig }, { createWebRouters }] = await Promise.all([
    import('./create-app.ts'), import('./create-metrics.ts'), import('./meili-search-backend.ts'), import('../src/insights/create-insights-from-config.ts'),
    import('../web/create-web-routers.ts'),
  ]);
  return { createApp, createMetrics, createMeiliSearchBackend, createInsightsFromConfig, createWebRouters };
}

/** Sources of the last successful run differ from `source` (or are unknown): say so; the caller reindexes. */
function sourceChanged(last: IndexState | null, roots: string[]): boolean {
  if (!last) return false; // no run of ours yet (e.g. an index built elsewhere): the cron takes it from here
  const now = getSourceIdentity(roots);
  if (JSON.stringify(last.sources ?? null) === JSON.stringify(now)) return false;
  logger.warn({ previous: last.sources ?? 'unknown', now }, `The source of weekly posts changed since the last reindex (${(last.sources ?? ['unknown']).join(', ')} -> ${now.join(', ')}): reindexing`);
  return true;
}

/** True when the live index was built by code that builds another format (settings, records): it is rebuilt now, not at the next nightly run. */
function indexFormatChanged(last: IndexState | null): boolean {
  if (!last || last.indexFormat === getIndexFormat()) return false; // no run of ours yet: the cron takes it from here
  logger.warn({ indexName: config.indexName }, `The index ${config.indexName} was built by another version (its settings or records differ from this one's): reindexing`);
  return true;
}

/** The one line that says which index a start without SOURCES or WEEKLY_SOURCE serves, and what the nightly run reads. */
function logInheritedSource(inherited: LastBuiltSources | null, documents: number): void {
  const index = `${config.indexName} (${documents} documents)`;
  if (!inherited) logger.warn({ indexName: config.indexName, documents }, `No SOURCES or WEEKLY_SOURCE: serving the index ${index} as it is; its source is unknown, so the nightly reindex is off until SOURCES or WEEKLY_SOURCE is set`);
  else if (!inherited.reindexable) logger.warn({ indexName: config.indexName, documents, source: inherited.roots }, `No SOURCES or WEEKLY_SOURCE: serving the index ${index} built from ${inherited.roots.join(', ')}; its credentials are not kept, so the nightly reindex is off until SOURCES or WEEKLY_SOURCE is set`);
  else logger.info({ indexName: config.indexName, documents, source: inherited.roots }, `No SOURCES or WEEKLY_SOURCE: serving the index ${index} built from ${inherited.roots.join(', ')}; the nightly reindex reads it again`);
}

/**
 * The line of a start-up index that did not succeed: why, what searches get meanwhile, and what
 * to do (the admin endpoints only when ADMIN_TOKEN makes them exist: they answer 404 otherwise).
 */
function getStartupIndexFailure(report: ReindexReport | null, documents: number, variable: 'SOURCES' | 'WEEKLY_SOURCE' | null): string {
  const reason = report?.error ? ` (${report.error.code}: ${report.error.message})` : '';
  const meanwhile = documents ? `the index ${config.indexName} keeps serving its ${documents} documents` : 'searches answer 503 until a reindex succeeds';
  const check = variable ? `check ${variable}` : 'see the log above';
  const next = config.adminToken ? ', or see GET /api/admin/status and retry with POST /api/admin/reindex' : '';
  return `The start-up index failed${reason}: ${meanwhile}; ${check} and restart${next}`;
}

try {
  const lock = await acquireServiceLock(config.dataDir);
  await checkPortFree(config.port); // before Meilisearch and the start-up index, not after them
  if (lock.tookOverFrom) logger.warn({ lockFile: lock.file, previousPid: lock.tookOverFrom }, lock.holderReused ? `Took over the service lock: its pid ${lock.tookOverFrom} now runs another program (the service that held it is gone)` : 'Took over the service lock of a process that is gone');
  // never on a server `npm run index` started: it goes away when the CLI ends
  // the HTTP side loads once the embedded server is spawned (loading first would hold up the spawn)
  let httpSide: ReturnType<typeof loadHttpSide> | undefined;
  const loadOnce = () => (httpSide ??= loadHttpSide());
  connection = await connectMeili(config, logger, {
    attach: false,
    onSpawned: () => void loadOnce().catch(() => undefined), // awaited below, after the connection (whose failure comes first)
  });
  connection.embedded?.on('failed', (error: Error) => {
    // restarting gave up: exit with an error so a supervisor restarts the whole service
    logger.fatal({ err: error }, 'Embedded Meilisearch could not be restarted: stopping the service');
    exitCode = 1;
    shutdown.trigger('SIGTERM');
  });
  const { createApp, createMetrics, createMeiliSearchBackend, createInsightsFromConfig, createWebRouters } = await loadOnce();
  const backend = createMeiliSearchBackend({ connection, indexName: config.indexName, listingCacheMs: config.listingCacheSeconds * 1000, thesaurus: config.searchThesaurus });
  const health = await backend.health();
  if (!health.available) throw new Error(`Meilisearch does not answer: ${health.reason ?? 'unknown reason'}`);
  const configured = config.sources.length > 0 || Boolean(config.weeklySource);
  // Without SOURCES or WEEKLY_SOURCE the sample posts only fill an empty index: an index built
  // from another source (`npm run index -- <path>`) keeps being served, and reindexed from there.
  const lastRun = await readIndexState(getReindexStatePath(config.dataDir), config.indexName);
  const inherited = !configured && health.documents ? getLastBuiltSources(lastRun) : undefined;
  if (inherited !== undefined) logInheritedSource(inherited, health.documents ?? 0);
  const jobConfig = inherited === undefined ? { ...config, weeklySource: config.weeklySource ?? SAMPLE_POSTS }
    : inherited?.reindexable ? { ...config, sources: inherited.sources, weeklySource: undefined }
      : { ...config, sources: [], weeklySource: undefined }; // nothing to reindex: the job says so (ConfigError)
  const jobOptions = { config: jobConfig, connection, logger };
  // the indexer (unified, remark, YAML, the classifier) loads with the first reindex, not on every start
  const job: ReturnType<typeof createReindexJob> = async (run) => (await import('../indexer/load/create-reindex-job.ts')).createReindexJob(jobOptions)(run);
  scheduler = createReindexScheduler({
    // no known source to reindex: no nightly run (a manual one answers why it cannot run)
    cron: inherited === null || inherited?.reindexable === false ? null : config.reindexCron,
    timeZone: config.timeZone,
    logger,
    lockPath: getReindexLockPath(config.dataDir, config.indexName),
    run: async (_trigger, { force, onProgress }) => {
      const report = await job({ force, onProgress });
      if (report.outcome === 'succeeded') backend.clearCache();
      return report;
    },
  });

  const roots = [...new Set(getJobSources(jobOptions.config).map((entry) => entry.root))];
  if (!health.documents || (configured && (sourceChanged(lastRun, roots) || indexFormatChanged(lastRun)))) {
    const variable = config.sources.length ? 'SOURCES' : config.weeklySource ? 'WEEKLY_SOURCE' : null; // null: the sample posts
    if (!health.documents) logger.info({ source: getSourceIdentity(roots).join(', '), sample: !variable }, `The index ${config.indexName} is empty: indexing ${variable ?? 'the sample posts'}`);
    // not forced: an emptied index is rebuilt anyway (the unchanged-source skip needs the live index
    // to hold the last run's documents), a changed source by its fingerprint, and forcing would also
    // lift the guard that refuses a source giving no record (a folder that is not the docs site)
    const report = await scheduler.trigger('startup');
    if (report?.outcome !== 'succeeded') logger.error({ outcome: report?.outcome ?? 'failed', error: report?.error }, getStartupIndexFailure(report, health.documents ?? 0, variable));
  }
  scheduler.start();

  const metrics = createMetrics();
  insights = createInsightsFromConfig(config, { registry: metrics.registry, logger });
  const app = createApp({ backend, logger, config, scheduler, metrics, insights, web: createWebRouters });
  server = app.listen(config.port);
  trackConnections(server);
  await new Promise<void>((resolve, reject) => {
    server?.once('listening', resolve).once('error', (error) => reject(toPortError(error, config.port)));
  });
  logger.info({ port: config.port, url: `http://localhost:${config.port}/`, demo: `http://localhost:${config.port}/demo`, api: `http://localhost:${config.port}/api/search?q=` }, 'Listening');
} catch (error) {
  logger.fatal({ err: error, code: isWeeklyFaqError(error) ? error.code : undefined }, `Start failed: ${error instanceof Error ? error.message : String(error)}`);
  await connection?.stop();
  process.exit(1);
}
