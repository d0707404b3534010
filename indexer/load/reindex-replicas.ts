import fs from 'node:fs/promises';
import path from 'node:path';
import { Meilisearch } from 'meilisearch';
import pLimit from 'p-limit';
import { isWeeklyFaqError } from '../../src/errors/weekly-faq-error.ts';
import { ensureApiKeys } from '../../src/meili/ensure-api-keys.ts';
import { acquireReindexLock, getReindexLockPath } from './reindex-lock.ts';
import type { ReindexReport } from './reindex-report.ts';
import { reindex, type ReindexOptions } from './reindex.ts';

/** How the reindex went on one replica. */
export interface ReplicaReindexOutcome {
  url: string;
  outcome: ReindexReport['outcome'];
  /** Documents in the replica's live index after the run (before it when the run failed or was skipped). */
  documents: number;
  previousDocuments: number | null;
  durationMs: number;
  error: ReindexReport['error'];
}

/** The report of a reindex across replicas: the usual report plus one line per replica. */
export interface ReplicasReindexReport extends ReindexReport {
  replicas: ReplicaReindexOutcome[];
  /** URLs of the replicas whose run failed (they keep their previous live index). */
  failedReplicas: string[];
}

export interface ReindexReplicasOptions extends Omit<ReindexOptions, 'client' | 'dataDir'> {
  /** Base URLs of the replicas (MEILI_REPLICAS). */
  replicas: readonly string[];
  /** The indexing key, the same on every replica (see `ensureReplicaKeys`). */
  adminKey: string;
  /** When given, each replica's keys are (re)created first: a replica that came back empty has none. */
  masterKey?: string;
  /** State and locks: the run's lock here, each replica's state and lock under `replicas/<replica>/`. */
  dataDir?: string;
  /** Replicas rebuilt at once (default: 3). */
  replicaConcurrency?: number;
}

/** Folder name of a replica's state: its host and port (e.g. `127.0.0.1_7701`). */
export function getReplicaDirName(url: string): string {
  const { host, pathname } = new URL(url);
  return `${host}${pathname === '/' ? '' : pathname}`.replace(/[^A-Za-z0-9.-]+/g, '_');
}

/**
 * `reindex` on every replica, `replicaConcurrency` at once, each with its own state and lock
 * (`<dataDir>/replicas/<replica>/`): the loss guard and the fingerprint skip hold per replica,
 * so a replica that missed a run, or came back empty, is rebuilt by the next run while the
 * others skip. A replica whose run fails keeps its previous live index; the run fails only
 * when every replica failed. Sources (git clones) are prepared once, under the run's lock.
 *
 * Never throws for a failed run (see `reindex`).
 */
export async function reindexReplicas(options: ReindexReplicasOptions): Promise<ReplicasReindexReport> {
  const { replicas, adminKey, masterKey, dataDir, replicaConcurrency = 3, logger, prepareSources, onProgress, ...rest } = options;
  if (!replicas.length) throw new TypeError('reindexReplicas: expected at least one replica');
  let release: (() => Promise<void>) | null = null;
  try {
    if (dataDir) release = await acquireReindexLock(getReindexLockPath(dataDir, options.indexName));
  } catch (error) {
    logger.error({ err: error }, 'Reindex not started: another run holds the lock');
    return { ...failedReport(options.indexName, error), replicas: [], failedReplicas: [...replicas] };
  }
  try {
    let prepared: Promise<string[]> | null = null;
    const prepareOnce = prepareSources ? (sources: string[]) => (prepared ??= prepareSources(sources)) : undefined;
    const limit = pLimit(replicaConcurrency);
    const reports = await Promise.all(replicas.map((url, i) => limit(async (): Promise<ReindexReport> => {
      const replicaLogger = logger.child({ replica: url });
      const replicaDir = dataDir ? path.join(dataDir, 'replicas', getReplicaDirName(url)) : undefined;
      if (replicaDir) await fs.mkdir(replicaDir, { recursive: true });
      const run = async () => {
        if (masterKey) await ensureApiKeys({ url, masterKey, indexName: options.indexName });
        return await reindex({
          ...rest,
          client: new Meilisearch({ host: url, apiKey: adminKey }),
          logger: replicaLogger,
          dataDir: replicaDir,
          prepareSources: prepareOnce,
          // one bar is enough: the first replica's
          onProgress: i === 0 ? onProgress : undefined,
        });
      };
      try {
        return await run();
      } catch (error) {
        // keys not reachable: the replica is down; report it like a failed reindex
        replicaLogger.error({ err: error }, 'Reindex of this replica failed before it started; its live index is unchanged');
        return failedReport(options.indexName, error);
      }
    })));
    return combine(replicas, reports, logger);
  } finally {
    await release?.();
  }
}

function failedReport(indexName: string, error: unknown): ReindexReport {
  const now = new Date().toISOString();
  const name = error instanceof Error ? error.name : 'Error';
  const code = isWeeklyFaqError(error) ? error.code : name === 'MeilisearchRequestError' ? 'meili-unreachable' : 'unexpected';
  return {
    outcome: 'failed', skipReason: null, indexName, buildIndex: null, startedAt: now, finishedAt: now, durationMs: 0,
    fingerprint: null, forced: false, posts: { read: 0, weekly: 0, faq: 0, skipped: 0, failed: 0 }, skippedByRule: {}, messagesByRule: {},
    failedPosts: [], pairs: 0, documents: 0, previousDocuments: null,
    error: { code, message: error instanceof Error ? error.message : String(error) },
  };
}

function combine(urls: readonly string[], reports: ReindexReport[], logger: ReindexOptions['logger']): ReplicasReindexReport {
  const replicas = reports.map((r, i): ReplicaReindexOutcome => ({
    url: urls[i] ?? '', outcome: r.outcome, documents: r.documents, previousDocuments: r.previousDocuments, durationMs: r.durationMs, error: r.error,
  }));
  const failedReplicas = replicas.filter((r) => r.outcome === 'failed').map((r) => r.url);
  // the report of a replica that built (else skipped, else failed) stands for the run
  const base = reports.find((r) => r.outcome === 'succeeded') ?? reports.find((r) => r.outcome === 'skipped') ?? reports[0]!;
  const startedAt = reports.map((r) => r.startedAt).sort()[0] ?? base.startedAt;
  const finishedAt = reports.map((r) => r.finishedAt).sort().at(-1) ?? base.finishedAt;
  const report: ReplicasReindexReport = {
    ...base,
    startedAt,
    finishedAt,
    durationMs: Date.parse(finishedAt) - Date.parse(startedAt),
    replicas,
    failedReplicas,
  };
  if (failedReplicas.length === replicas.length) {
    const first = base.error ?? { code: 'unexpected', message: 'failed' };
    report.error = { ...first, message: `Reindex failed on every replica: ${replicas.map((r) => `${r.url}: ${r.error?.message ?? 'failed'}`).join('; ')}` };
  } else if (failedReplicas.length) {
    logger.error({ failedReplicas, replicas }, `Reindex failed on ${failedReplicas.length} of ${replicas.length} replicas (${failedReplicas.join(', ')}): they keep their previous index and are rebuilt by the next run`);
  }
  return report;
}
