import { createHash } from 'node:crypto';
import path from 'node:path';
import { MeilisearchApiError, type Meilisearch } from 'meilisearch';
import pLimit from 'p-limit';
import type { Logger } from 'pino';
import { MeiliTaskFailedError } from '../../src/errors/meili-task-error.ts';
import { ReindexCountMismatchError, ReindexNoRecordsError, ReindexShrinkRefusedError } from '../../src/errors/reindex-errors.ts';
import { redactUrlCredentials } from '../../src/redact-url-credentials.ts';
import { isWeeklyFaqError } from '../../src/errors/weekly-faq-error.ts';
import { waitForTask, type EnqueueTask } from '../../src/meili/wait-for-task.ts';
import { RECORD_FORMAT_VERSION, type QaRecord } from '../../src/qa-record.ts';
import { createCorpusDictionary } from '../../src/search/create-corpus-dictionary.ts';
import { getIndexSettings } from '../../src/search/index-settings.ts';
import { getIndexFormat } from './get-index-format.ts';
import { toIndexDocument } from '../../src/search/to-index-document.ts';
import type { SearchDocument } from '../../src/search/search-document.ts';
import type { SourceConfig } from '../../src/source-config.ts';
import { getDefaultSourceConfigs } from '../../src/source-config.ts';
import { extractCorpus, type ExtractOptions, type PostResult } from '../extract/extract-corpus.ts';
import { createContentSources, groupSourcesByRoot } from '../sources/create-content-sources.ts';
import { getSourceFingerprint, getSourceIdentity } from './get-source-fingerprint.ts';
import { acquireReindexLock, getReindexLockPath } from './reindex-lock.ts';
import type { ReindexProgress, ReindexReport } from './reindex-report.ts';
import { getReindexStatePath, readIndexState, writeIndexState } from './reindex-state.ts';

export interface ReindexOptions {
  /** Client with a key that may manage indexes, documents, settings and tasks (the admin key). */
  client: Meilisearch;
  /** Live index name (e.g. `qa`). */
  indexName: string;
  /**
   * Roots to extract (folders, files; git sources once `prepareSources` resolved them), or records
   * ready to load. Roots without `sources` are read as docs-site checkouts: their FAQ pages and
   * weekly posts (`getDefaultSourceConfigs`).
   */
  records: string[] | AsyncIterable<QaRecord>;
  /** The content sources to read (kind, root, patterns), e.g. from `SOURCES`; `records` is then ignored. */
  sources?: readonly SourceConfig[];
  /** Rebuild even when the source is unchanged, and swap even when the index would shrink by more than `maxLossRatio`. */
  force?: boolean;
  logger: Logger;
  onProgress?: (progress: ReindexProgress) => void;
  /** Where the state of the last successful run and the lock live (default: none: no skip, no lock). */
  dataDir?: string;
  /** Canonical project name -> synonyms, for the index settings. */
  projectSynonyms?: Record<string, string[]>;
  /** Base of public weekly post URLs, passed to the extractor. */
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
  if (name !== 'MeilisearchRequestError') return { code: 'unexpected', message };
  // "Request to <url> has failed" alone does not say why: the cause chain does (fetch failed: connect ECONNREFUSED)
  const causes: string[] = [];
  for (let cause = (error as Error).cause; cause instanceof Error && causes.length < 3; cause = cause.cause) causes.push(cause.message);
  return { code: 'meili-unreachable', message: [message, ...causes].join(': ') };
}

/** One root to read and the content sources it holds. */
interface InputGroup {
  root: string;
  configs: SourceConfig[];
}

/** Yield each PostResult (or a record-only pseudo post) from either input kind. */
async function* readInput(
  input: InputGroup[] | AsyncIterable<QaRecord>,
  extract: NonNullable<ReindexOptions['extract']>,
  baseUrl: string | undefined,
  batchSize: number,
): AsyncGenerator<{ post: PostResult | null; records: QaRecord[] }> {
  if (Array.isArray(input)) {
    for (const group of input) {
      const sources = createContentSources(group.configs, { baseUrl });
      for await (const post of extract([group.root], { baseUrl, sources })) yield { post, records: post.records };
    }
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

/** Options checked once; a bad one is misuse, thrown. */
function validateOptions({ indexName, batchSize = 1000, concurrency = 4, maxLossRatio = 0.1 }: ReindexOptions): void {
  if (!/^[A-Za-z0-9_-]+$/.test(indexName)) throw new TypeError(`reindex: indexName must be letters, digits, - or _, got ${JSON.stringify(indexName)}`);
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new TypeError(`reindex: batchSize must be a positive integer, got ${batchSize}`);
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new TypeError(`reindex: concurrency must be a positive integer, got ${concurrency}`);
  if (!(maxLossRatio >= 0 && maxLossRatio <= 1)) throw new TypeError(`reindex: maxLossRatio must be between 0 and 1, got ${maxLossRatio}`);
}

function createReport(options: ReindexOptions, started: number): ReindexReport {
  return {
    outcome: 'failed', skipReason: null, indexName: options.indexName, buildIndex: null,
    startedAt: new Date(started).toISOString(), finishedAt: '', durationMs: 0,
    fingerprint: options.fingerprint ?? null, forced: options.force ?? false,
    posts: { read: 0, weekly: 0, faq: 0, skipped: 0, failed: 0 },
    skippedByRule: {}, messagesByRule: {}, failedPosts: [],
    pairs: 0, documents: 0, previousDocuments: null, error: null,
  };
}

/** What a run reads, fingerprinted: the roots (prepared), their sources, and what identifies them. */
interface PreparedInput {
  input: InputGroup[] | AsyncIterable<QaRecord>;
  /** `getSourceIdentity` of the roots (kept in the state), or undefined for a record stream. */
  sources?: string[];
  /** The content sources with those roots (kept in the state too). */
  sourceConfigs?: SourceConfig[];
  fingerprint: string | null;
  markdownFiles: number | null;
}

/**
 * Step 1: resolve the roots (git clones pulled, under the lock) and fingerprint them together
 * with the settings, the base URL, the roots' identity, each source's kind and patterns and the
 * record format (`RECORD_FORMAT_VERSION`): another folder, another source list, another pattern or
 * an extractor that makes other records is another input, even with the same files.
 */
async function prepareInput(options: ReindexOptions, settings: unknown): Promise<PreparedInput> {
  const records = options.records;
  if (!Array.isArray(records)) return { input: records, fingerprint: options.fingerprint ?? null, markdownFiles: null };
  const groups = groupSourcesByRoot(options.sources ?? records.flatMap(getDefaultSourceConfigs));
  const roots = groups.map((group) => group.root);
  const sources = getSourceIdentity(roots);
  const paths = options.prepareSources ? await options.prepareSources(roots) : roots;
  const contentSources = groups.map((group, index) => group.configs.map(({ root: _root, ...rest }) => ({ root: index, ...rest })));
  const settingsHash = createHash('sha256')
    .update(JSON.stringify({ recordFormat: RECORD_FORMAT_VERSION, indexName: options.indexName, settings, baseUrl: options.baseUrl ?? null, sources, contentSources }))
    .digest('hex');
  const source = await getSourceFingerprint(paths, settingsHash);
  return {
    input: groups.map((group, index) => ({ root: paths[index] ?? group.root, configs: group.configs })),
    sources,
    sourceConfigs: groups.flatMap((group, index) => group.configs.map((config) => ({ ...config, root: sources[index] ?? config.root }))),
    fingerprint: source.fingerprint,
    markdownFiles: source.markdownFiles,
  };
}

/** Count one extracted file into the report (files by outcome and kind, messages by rule, failures listed). */
function tallyPost(report: ReindexReport, post: PostResult): void {
  report.posts.read++;
  for (const message of post.messages) report.messagesByRule[message.ruleId] = (report.messagesByRule[message.ruleId] ?? 0) + 1;
  if (post.status === 'extracted' && post.kind) report.posts[post.kind]++;
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

/** Enqueue a task (sent again while Meilisearch is too busy to take it) and wait for it to succeed. */
type Wait = (enqueue: EnqueueTask, operation: string) => Promise<unknown>;

/**
 * Step 3: extract and upload into the build index in batches, at most `concurrency` tasks in
 * flight, reading no further ahead than the tasks; then the corpus dictionary as synonyms.
 * Returns the ids sent more than once (a count mismatch names them).
 */
async function uploadInput(
  options: ReindexOptions,
  { input, buildIndex, settings, report, progress, emit, wait }: {
    input: PreparedInput['input']; buildIndex: string; settings: ReturnType<typeof getIndexSettings>;
    report: ReindexReport; progress: ReindexProgress; emit: (phase?: ReindexProgress['phase']) => void; wait: Wait;
  },
): Promise<string[]> {
  const { client, batchSize = 1000, concurrency = 4 } = options;
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
      await wait(() => build.addDocuments(batch, { primaryKey: 'id' }), `add batch ${n} (${batch.length} documents) to ${buildIndex}`);
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
  for await (const { post, records } of readInput(input, options.extract ?? extractCorpus, options.baseUrl, batchSize)) {
    if (uploadError) break;
    if (post) {
      progress.postsRead++;
      tallyPost(report, post);
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
        // Back-pressure: read no further ahead than the tasks in flight (batches queued behind
        // them would only hold memory: Meilisearch already has `concurrency` tasks to work on).
        while (inflight.size >= concurrency) await Promise.race(inflight);
      }
    }
    emit();
  }
  if (batch.length && !uploadError) upload(batch);
  emit('index');
  await Promise.all(inflight);
  if (uploadError) throw uploadError;
  // English -> Chinese words the corpus uses (src/search/create-corpus-dictionary.ts).
  const synonyms = await dictionary.synonyms(settings.synonyms ?? {});
  await wait(() => build.updateSynonyms(synonyms), `apply the corpus dictionary to ${buildIndex}`);
  return duplicateIds;
}

/**
 * Step 5: refuse (unless forced) a build without any record, and one that would lose more than
 * `maxLossRatio` of the live documents. An empty build says the source is wrong even when the live
 * index is empty too (a first start on a folder that is not the docs site): it fails naming the
 * roots instead of succeeding with 0 documents.
 */
function checkShrink(options: ReindexOptions, liveNow: number | null, built: number, report: ReindexReport): void {
  const { indexName, logger, force = false, maxLossRatio = 0.1 } = options;
  if (built === 0 && !liveNow && !force) {
    const roots = options.sources?.map((source) => source.root) ?? (Array.isArray(options.records) ? options.records : []);
    throw new ReindexNoRecordsError(indexName, [...new Set(roots)].map(redactUrlCredentials), report.posts);
  }
  if (!liveNow || built >= liveNow * (1 - maxLossRatio)) return;
  const refusal = new ReindexShrinkRefusedError(indexName, liveNow, built, maxLossRatio);
  if (!force) {
    logger.error({ indexName, liveDocuments: liveNow, newDocuments: built }, `!!! ${refusal.message}`);
    throw refusal;
  }
  logger.warn({ indexName, liveDocuments: liveNow, newDocuments: built }, `Forced: swapping although the index loses ${liveNow - built} of ${liveNow} documents`);
}

/** Step 6: swap the build index in (creating the live index on the very first run). */
async function swapIntoLive(options: ReindexOptions, buildIndex: string, liveNow: number | null, wait: Wait): Promise<void> {
  const { client, indexName } = options;
  if (liveNow === null) {
    try {
      await wait(() => client.createIndex(indexName, { primaryKey: 'id' }), `create live index ${indexName}`);
    } catch (error) {
      if (!(error instanceof MeiliTaskFailedError && error.taskCode === 'index_already_exists')) throw error;
    }
  }
  await wait(() => client.swapIndexes([{ indexes: [indexName, buildIndex], rename: false }]), `swap ${indexName} with ${buildIndex}`);
}

/** After the swap the build index's name holds the previous live index: dropped, or left for a later run. */
async function dropPrevious(options: ReindexOptions, oldIndex: string, wait: Wait): Promise<void> {
  try {
    await wait(() => options.client.deleteIndex(oldIndex), `delete the previous index (now ${oldIndex})`);
  } catch (error) {
    options.logger.warn({ err: error, index: oldIndex }, 'Deleting the previous index failed; it will be deleted by a later run');
  }
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
  validateOptions(options);
  const { client, indexName, logger, force = false, dataDir, taskTimeoutMs = 10 * 60_000 } = options;
  const staleBuildMs = options.staleBuildMs ?? (dataDir ? 0 : 60 * 60_000);
  const started = Date.now();
  const settings = getIndexSettings(options.projectSynonyms ?? {});
  const report = createReport(options, started);
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
  const wait: Wait = (enqueue, operation) => waitForTask(client, enqueue, {
    operation,
    timeout: taskTimeoutMs,
    onBusy: (error, attempt) => logger.warn({ operation, attempt, err: error }, 'Meilisearch is too busy to take a request: sending it again'),
  });

  let release: (() => Promise<void>) | null = null;
  let buildIndex: string | null = null;
  try {
    if (dataDir) release = await acquireReindexLock(getReindexLockPath(dataDir, indexName));
    const statePath = dataDir ? getReindexStatePath(dataDir) : null;
    // Leftovers of runs that died (Meilisearch or the service killed mid-build) go first, even when this run is skipped.
    await deleteStaleBuilds(client, indexName, staleBuildMs, logger, taskTimeoutMs);
    const live = await countDocuments(client, indexName);
    report.previousDocuments = live;
    report.documents = live ?? 0;

    // 1. Fingerprint the input; skip when nothing changed since the last successful run.
    emit('fingerprint');
    const prepared = await prepareInput(options, settings);
    report.fingerprint = prepared.fingerprint;
    progress.postsTotal = prepared.markdownFiles;
    if (!force && statePath && report.fingerprint) {
      const last = await readIndexState(statePath, indexName);
      if (last?.fingerprint === report.fingerprint && live === last.documents) {
        // the fingerprint covers the settings and the record format: a state written before it kept
        // the index format learns it here, so the next start does not fingerprint the source again
        const indexFormat = getIndexFormat(options.projectSynonyms ?? {});
        if (last.indexFormat !== indexFormat) await writeIndexState(statePath, indexName, { ...last, indexFormat }).catch(() => undefined);
        report.skipReason = 'unchanged';
        logger.info({ indexName, fingerprint: report.fingerprint, documents: live }, 'Source unchanged since the last successful reindex: skipped (use --force to rebuild)');
        emit('done');
        return finish('skipped');
      }
    }

    // 2. Fresh build index, settings first (documents are then indexed once).
    const build = `${indexName}${BUILD_SUFFIX}${Date.now()}`;
    buildIndex = build;
    report.buildIndex = build;
    logger.info({ indexName, buildIndex: build, force }, 'Reindex started');
    await wait(() => client.createIndex(build, { primaryKey: 'id' }), `create build index ${build}`);
    await wait(() => client.index(build).updateSettings(settings), `apply settings to ${build}`);

    // 3. Extract and upload.
    emit('extract');
    const duplicateIds = await uploadInput(options, { input: prepared.input, buildIndex, settings, report, progress, emit, wait });

    // 4. Verify the count.
    emit('verify');
    const built = (await countDocuments(client, buildIndex)) ?? 0;
    if (built !== report.pairs) throw new ReindexCountMismatchError(buildIndex, report.pairs, built, duplicateIds);

    // 5. Safety check against the live index.
    const liveNow = (await countDocuments(client, indexName)) ?? null;
    checkShrink(options, liveNow, built, report);

    // 6. Swap; from then on the live index is the new one: nothing to roll back.
    emit('swap');
    await swapIntoLive(options, buildIndex, liveNow, wait);
    const oldIndex = buildIndex;
    buildIndex = null;
    await dropPrevious(options, oldIndex, wait);
    report.documents = built;
    if (statePath && report.fingerprint) {
      // The new index serves already: a state that cannot be written (a full disk) only costs the
      // next run its skip, and must not report this run as failed with "the live index is unchanged".
      await writeIndexState(statePath, indexName, { fingerprint: report.fingerprint, documents: built, finishedAt: new Date().toISOString(), indexFormat: getIndexFormat(options.projectSynonyms ?? {}), ...(prepared.sources ? { sources: prepared.sources, sourceConfigs: prepared.sourceConfigs } : {}) })
        .catch((error: unknown) => logger.warn({ err: error, statePath }, `The new index is live, but its state could not be written to ${statePath}: the next run rebuilds even if nothing changed`));
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
