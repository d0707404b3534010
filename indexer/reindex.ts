import { createHash } from 'node:crypto';
import path from 'node:path';
import { MeilisearchApiError, type Meilisearch } from 'meilisearch';
import pLimit from 'p-limit';
import type { Logger } from 'pino';
import { MeiliTaskFailedError } from '../src/errors/meili-task-error.ts';
import { ReindexCountMismatchError, ReindexShrinkRefusedError } from '../src/errors/reindex-errors.ts';
import { isWeeklyFaqError } from '../src/errors/weekly-faq-error.ts';
import { waitForTask } from '../src/meili/wait-for-task.ts';
import type { QaRecord } from '../src/qa-record.ts';
import { createCorpusDictionary } from '../src/search/create-corpus-dictionary.ts';
import { getIndexSettings as getRelevanceSettings } from '../src/search/index-settings.ts';
import { toIndexDocument } from '../src/search/to-index-document.ts';
import type { SearchDocument } from '../src/search/search-document.ts';
import { extractCorpus, type ExtractOptions, type PostResult } from './extract-corpus.ts';
import { getSourceFingerprint, getSourceIdentity } from './get-source-fingerprint.ts';
import { acquireReindexLock } from './reindex-lock.ts';
import type { ReindexProgress, ReindexReport } from './reindex-report.ts';
import { getReindexStatePath, readIndexState, writeIndexState } from './reindex-state.ts';

export interface ReindexOptions {
  /** Client with a key that may manage indexes, documents, settings and tasks (the admin key). */
  client: Meilisearch;
  /** Live index name (e.g. `qa`). */
  indexName: string;
  /** Source folders/files of weekly posts (extracted with `extractCorpus`), or records ready to load. */
  records: string[] | AsyncIterable<QaRecord>;
  /** Rebuild even when the source is unchanged, and swap even when the index would shrink by more than `maxLossRatio`. */
  force?: boolean;
  logger: Logger;
  onProgress?: (progress: ReindexProgress) => void;
  /** Where the state of the last successful run and the lock live (default: none: no skip, no lock). */
  dataDir?: string;
  /** Canonical project name -> synonyms, for the index settings. */
  projectSynonyms?: Record<string, string[]>;
  /** Base of public post URLs, passed to the extractor. */
  baseUrl?: string;
  /** Fingerprint of a record stream (paths are fingerprinted here); without one a stream is never skipped. */
  fingerprint?: string;
  /** Documents per addition task (default: 1000). */
  batchSize?: number;
  /** Addition tasks in flight at once (default: 4). */
  concurrency?: number;
  /** Largest share of live documents a rebuild may lose without `force` (default: 0.1). */
  maxLossRatio?: number;
  /** Longest wait for one task, in ms (default: 10 minutes). */
  taskTimeoutMs?: number;
  /**
   * Build indexes older than this are leftovers of crashed runs and get deleted at the start of
   * the run (default: 0, every one, when `dataDir` is given: the run then holds the lock, so no
   * other run of this index is going; 1 hour without a lock).
   */
  staleBuildMs?: number;
  /**
   * Turns `records` (when it is a list of sources) into folders, once the lock is held, e.g.
   * `resolveSources` to clone/pull git sources. Under the lock, so a pull never changes files a
   * running reindex reads. Its failure fails the run like any other.
   */
  prepareSources?: (sources: string[]) => Promise<string[]>;
  /** The extractor (default: `extractCorpus`). */
  extract?: (paths: string[], options: ExtractOptions) => AsyncIterable<PostResult>;
}

const BUILD_SUFFIX = '_build_';
const MAX_FAILED_POSTS_LISTED = 100;

function isNotFound(error: unknown): boolean {
  return error instanceof MeilisearchApiError && error.cause?.code === 'index_not_found';
}

/** Documents in `uid`, or null when the index does not exist. */
async function countDocuments(client: Meilisearch, uid: string): Promise<number | null> {
  try {
    return (await client.index(uid).getStats()).numberOfDocuments;
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}

/** Delete build indexes of `indexName` left by crashed runs (older than `maxAgeMs`). */
async function deleteStaleBuilds(client: Meilisearch, indexName: string, maxAgeMs: number, logger: Logger, timeout: number): Promise<void> {
  const prefix = `${indexName}${BUILD_SUFFIX}`;
  const { results } = await client.getRawIndexes({ limit: 1000 });
  for (const { uid } of results) {
    if (!uid.startsWith(prefix)) continue;
    const startedAt = Number(uid.slice(prefix.length));
    if (!/^\d+$/.test(uid.slice(prefix.length)) || Date.now() - startedAt < maxAgeMs) continue;
    logger.warn({ index: uid }, 'Deleting a build index left by an earlier failed run');
    await waitForTask(client, client.deleteIndex(uid), { operation: `delete stale build index ${uid}`, timeout });
  }
}

function errorInfo(error: unknown): NonNullable<ReindexReport['error']> {
  if (error instanceof MeiliTaskFailedError) return { code: error.code, message: error.message, taskCode: error.taskCode };
  if (isWeeklyFaqError(error)) return { code: error.code, message: error.message };
  if (error instanceof MeilisearchApiError) return { code: 'meili-request-failed', message: error.message, taskCode: error.cause?.code ?? 'unknown' };
  const name = error instanceof Error ? error.name : 'Error';
  const message = error instanceof Error ? error.message : String(error);
  return { code: name === 'MeilisearchRequestError' ? 'meili-unreachable' : 'unexpected', message };
}

/** Yield each PostResult (or a record-only pseudo post) from either input kind. */
async function* readInput(
  input: string[] | AsyncIterable<QaRecord>,
  extract: NonNullable<ReindexOptions['extract']>,
  extractOptions: ExtractOptions,
  batchSize: number,
): AsyncGenerator<{ post: PostResult | null; records: QaRecord[] }> {
  if (Array.isArray(input)) {
    for await (const post of extract(input, extractOptions)) yield { post, records: post.records };
    return;
  }
  let chunk: QaRecord[] = [];
  for await (const record of input) {
    chunk.push(record);
    if (chunk.length >= batchSize) {
      yield { post: null, records: chunk };
      chunk = [];
    }
  }
  if (chunk.length) yield { post: null, records: chunk };
}

/**
 * Rebuild the live index without ever serving a partial one: extract, load into a fresh
 * temporary index (`<indexName>_build_<ms>`) with the settings applied first, in batches with
 * bounded concurrency, waiting for every task and checking its status; verify the document
 * count; refuse (unless `force`) when the live index would lose more than `maxLossRatio` of
 * its documents; then swap the two atomically and delete the old one. Searches meanwhile
 * see the old index, complete.
 *
 * Skips the rebuild when the source fingerprint equals the last successful run's and the
 * live index still holds that run's documents (unless `force`). On any failure the temporary
 * index is deleted and the live index is left as it was.
 *
 * Never throws for a failed run: returns a report with `outcome: 'failed'` and the error's
 * stable code. Throws only for misuse (bad options).
 *
 * @see https://www.meilisearch.com/docs/reference/api/indexes#swap-indexes
 */
export async function reindex(options: ReindexOptions): Promise<ReindexReport> {
  const {
    client, indexName, logger, force = false, dataDir, batchSize = 1000, concurrency = 4,
    maxLossRatio = 0.1, taskTimeoutMs = 10 * 60_000,
  } = options;
  const staleBuildMs = options.staleBuildMs ?? (dataDir ? 0 : 60 * 60_000);
  if (!/^[A-Za-z0-9_-]+$/.test(indexName)) throw new TypeError(`reindex: indexName must be letters, digits, - or _, got ${JSON.stringify(indexName)}`);
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new TypeError(`reindex: batchSize must be a positive integer, got ${batchSize}`);
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new TypeError(`reindex: concurrency must be a positive integer, got ${concurrency}`);
  if (!(maxLossRatio >= 0 && maxLossRatio <= 1)) throw new TypeError(`reindex: maxLossRatio must be between 0 and 1, got ${maxLossRatio}`);

  const started = Date.now();
  const settings = getRelevanceSettings(options.projectSynonyms ?? {});
  const report: ReindexReport = {
    outcome: 'failed', skipReason: null, indexName, buildIndex: null,
    startedAt: new Date(started).toISOString(), finishedAt: '', durationMs: 0,
    fingerprint: options.fingerprint ?? null, forced: force,
    posts: { read: 0, weekly: 0, skipped: 0, failed: 0 },
    skippedByRule: {}, messagesByRule: {}, failedPosts: [],
    pairs: 0, documents: 0, previousDocuments: null, error: null,
  };
  const progress: ReindexProgress = { phase: 'fingerprint', postsRead: 0, postsTotal: null, pairs: 0, documentsIndexed: 0 };
  const emit = (phase?: ReindexProgress['phase']) => {
    if (phase) progress.phase = phase;
    options.onProgress?.({ ...progress });
  };
  const finish = (outcome: ReindexReport['outcome']): ReindexReport => {
    report.outcome = outcome;
    report.finishedAt = new Date().toISOString();
    report.durationMs = Date.now() - started;
    return report;
  };
  const wait = (task: Parameters<typeof waitForTask>[1], operation: string) => waitForTask(client, task, { operation, timeout: taskTimeoutMs });

  let release: (() => Promise<void>) | null = null;
  let buildIndex: string | null = null;
  try {
    if (dataDir) release = await acquireReindexLock(path.join(dataDir, `reindex-${indexName}.lock`));
    const statePath = dataDir ? getReindexStatePath(dataDir) : null;
    // Leftovers of runs that died (Meilisearch or the service killed mid-build) go first, even when this run is skipped.
    await deleteStaleBuilds(client, indexName, staleBuildMs, logger, taskTimeoutMs);
    const live = await countDocuments(client, indexName);
    report.previousDocuments = live;
    report.documents = live ?? 0;

    // 1. Fingerprint the source; skip when nothing changed since the last successful run.
    emit('fingerprint');
    let input = options.records;
    let sources: string[] | undefined;
    if (Array.isArray(input)) {
      sources = getSourceIdentity(input);
      if (options.prepareSources) input = await options.prepareSources(input);
      // the sources' identity too: another folder or repository is another source, even with the same files
      const settingsHash = createHash('sha256').update(JSON.stringify({ indexName, settings, baseUrl: options.baseUrl ?? null, sources })).digest('hex');
      const source = await getSourceFingerprint(input, settingsHash);
      report.fingerprint = source.fingerprint;
      progress.postsTotal = source.markdownFiles;
    }
    if (!force && statePath && report.fingerprint) {
      const last = await readIndexState(statePath, indexName);
      if (last?.fingerprint === report.fingerprint && live === last.documents) {
        report.skipReason = 'unchanged';
        logger.info({ indexName, fingerprint: report.fingerprint, documents: live }, 'Source unchanged since the last successful reindex: skipped (use --force to rebuild)');
        emit('done');
        return finish('skipped');
      }
    }

    // 2. Fresh build index, settings first (documents are then indexed once).
    buildIndex = `${indexName}${BUILD_SUFFIX}${Date.now()}`;
    report.buildIndex = buildIndex;
    logger.info({ indexName, buildIndex, force }, 'Reindex started');
    await wait(client.createIndex(buildIndex, { primaryKey: 'id' }), `create build index ${buildIndex}`);
    await wait(client.index(buildIndex).updateSettings(settings), `apply settings to ${buildIndex}`);

    // 3. Extract and upload in batches, at most `concurrency` tasks in flight.
    emit('extract');
    const build = client.index<SearchDocument>(buildIndex);
    const limit = pLimit(concurrency);
    const inflight = new Set<Promise<void>>();
    let uploadError: unknown = null;
    let batchNo = 0;
    const ids = new Set<string>();
    const duplicateIds: string[] = [];
    const upload = (batch: SearchDocument[]) => {
      const n = ++batchNo;
      const tracked: Promise<void> = limit(async () => {
        if (uploadError) return;
        await wait(build.addDocuments(batch, { primaryKey: 'id' }), `add batch ${n} (${batch.length} documents) to ${buildIndex}`);
        progress.documentsIndexed += batch.length;
        emit();
      })
        .catch((error: unknown) => {
          uploadError ??= error;
        })
        .finally(() => inflight.delete(tracked));
      inflight.add(tracked);
    };
    let batch: SearchDocument[] = [];
    const dictionary = createCorpusDictionary();
    const extract = options.extract ?? extractCorpus;
    for await (const { post, records } of readInput(input, extract, { baseUrl: options.baseUrl }, batchSize)) {
      if (uploadError) break;
      if (post) {
        report.posts.read++;
        progress.postsRead++;
        for (const message of post.messages) report.messagesByRule[message.ruleId] = (report.messagesByRule[message.ruleId] ?? 0) + 1;
        if (post.status === 'weekly') report.posts.weekly++;
        if (post.status === 'skipped') {
          report.posts.skipped++;
          const rule = post.messages[0]?.ruleId ?? 'not-weekly';
          report.skippedByRule[rule] = (report.skippedByRule[rule] ?? 0) + 1;
        }
        if (post.status === 'failed') {
          report.posts.failed++;
          if (report.failedPosts.length < MAX_FAILED_POSTS_LISTED) {
            report.failedPosts.push({ source: post.source, messages: post.messages.map(({ ruleId, reason, line }) => (line === undefined ? { ruleId, reason } : { ruleId, reason, line })) });
          }
        }
      }
      for (const record of records) {
        if (ids.has(record.id)) duplicateIds.push(record.id);
        else ids.add(record.id);
        dictionary.add(record);
        batch.push(toIndexDocument(record));
        report.pairs++;
        progress.pairs++;
        if (batch.length >= batchSize) {
          upload(batch);
          batch = [];
          // Back-pressure: do not read further ahead than the tasks in flight.
          while (inflight.size >= concurrency * 2) await Promise.race(inflight);
        }
      }
      emit();
    }
    if (batch.length && !uploadError) upload(batch);
    emit('index');
    await Promise.all(inflight);
    if (uploadError) throw uploadError;
    // English -> Chinese words the corpus uses (src/search/create-corpus-dictionary.ts).
    await wait(build.updateSynonyms(await dictionary.synonyms(settings.synonyms ?? {})), `apply the corpus dictionary to ${buildIndex}`);

    // 4. Verify the count.
    emit('verify');
    const built = (await countDocuments(client, buildIndex)) ?? 0;
    if (built !== report.pairs) throw new ReindexCountMismatchError(buildIndex, report.pairs, built, duplicateIds);

    // 5. Safety check against the live index.
    const liveNow = (await countDocuments(client, indexName)) ?? null;
    if (liveNow && built < liveNow * (1 - maxLossRatio)) {
      const refusal = new ReindexShrinkRefusedError(indexName, liveNow, built, maxLossRatio);
      if (!force) {
        logger.error({ indexName, liveDocuments: liveNow, newDocuments: built }, `!!! ${refusal.message}`);
        throw refusal;
      }
      logger.warn({ indexName, liveDocuments: liveNow, newDocuments: built }, `Forced: swapping although the index loses ${liveNow - built} of ${liveNow} documents`);
    }

    // 6. Swap atomically (create the live index first on the very first run), then drop the old one.
    emit('swap');
    if (liveNow === null) {
      try {
        await wait(client.createIndex(indexName, { primaryKey: 'id' }), `create live index ${indexName}`);
      } catch (error) {
        if (!(error instanceof MeiliTaskFailedError && error.taskCode === 'index_already_exists')) throw error;
      }
    }
    await wait(client.swapIndexes([{ indexes: [indexName, buildIndex], rename: false }]), `swap ${indexName} with ${buildIndex}`);
    const oldIndex = buildIndex;
    buildIndex = null; // from here on the live index is the new one: nothing to roll back
    try {
      await wait(client.deleteIndex(oldIndex), `delete the previous index (now ${oldIndex})`);
    } catch (error) {
      logger.warn({ err: error, index: oldIndex }, 'Deleting the previous index failed; it will be deleted by a later run');
    }
    report.documents = built;
    if (statePath && report.fingerprint) {
      await writeIndexState(statePath, indexName, { fingerprint: report.fingerprint, documents: built, finishedAt: new Date().toISOString(), ...(sources ? { sources } : {}) });
    }
    emit('done');
    finish('succeeded');
    logger.info({ indexName, documents: built, previousDocuments: live, durationMs: report.durationMs }, 'Reindex succeeded');
    return report;
  } catch (error) {
    report.error = errorInfo(error);
    if (buildIndex) {
      try {
        await waitForTask(client, client.deleteIndex(buildIndex), { operation: `delete build index ${buildIndex}`, timeout: 60_000 });
      } catch (cleanupError) {
        logger.warn({ err: cleanupError, index: buildIndex }, 'Could not delete the build index of the failed run; a later run will');
      }
    }
    finish('failed');
    logger.error({ err: error, indexName, code: report.error.code }, `Reindex failed; the live index ${indexName} is unchanged`);
    return report;
  } finally {
    await release?.();
  }
}
