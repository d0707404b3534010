import { Meilisearch } from 'meilisearch';
import type { Logger } from 'pino';
import type { Config } from '../../src/config.ts';
import { ConfigError } from '../../src/errors/config-error.ts';
import type { MeiliConnection } from '../../src/meili/connect-meili.ts';
import { getJobSources } from '../../src/source-config.ts';
import { getProjectSynonyms } from '../../src/search/get-project-synonyms.ts';
import { reindex } from './reindex.ts';
import { reindexReplicas } from './reindex-replicas.ts';
import type { ReindexProgress, ReindexReport } from './reindex-report.ts';
import { resolveSources } from '../sources/resolve-sources.ts';

export interface ReindexJobRun {
  /** Roots to read, each as a docs-site checkout (its FAQ pages and weekly posts); default: SOURCES, else WEEKLY_SOURCE. */
  sources?: string[];
  force?: boolean;
  onProgress?: (progress: ReindexProgress) => void;
}

/**
 * The reindex as the service and the CLI run it, wired from the configuration: sources
 * (git ones cloned/pulled under the lock), the admin key, DATA_DIR for state and lock, the
 * public base URL and the catalogue's synonyms. Give the result to `createReindexScheduler`
 * as `run`.
 *
 * @throws {ConfigError} (from the returned function) when no source is given and neither SOURCES nor WEEKLY_SOURCE is set.
 */
export function createReindexJob(options: {
  config: Pick<Config, 'indexName' | 'dataDir' | 'publicBaseUrl' | 'weeklySource'> & Partial<Pick<Config, 'meiliMasterKey' | 'sources'>>;
  connection: Pick<MeiliConnection, 'url' | 'adminKey'> & Partial<Pick<MeiliConnection, 'replicas'>>;
  logger: Logger;
}): (run?: ReindexJobRun) => Promise<ReindexReport> {
  const { config, connection, logger } = options;
  return async (run = {}) => {
    const sources = getJobSources(config, run.sources);
    if (!sources.length) throw new ConfigError('SOURCES', 'required: no content source to index (set SOURCES or WEEKLY_SOURCE)');
    const options = {
      indexName: config.indexName,
      records: [...new Set(sources.map((source) => source.root))],
      sources,
      prepareSources: (list: string[]) => resolveSources({ sources: list, dataDir: config.dataDir, logger }),
      force: run.force ?? false,
      logger,
      onProgress: run.onProgress,
      dataDir: config.dataDir,
      baseUrl: config.publicBaseUrl,
      projectSynonyms: getProjectSynonyms(),
    };
    if (connection.replicas?.length) {
      // several replicas (MEILI_REPLICAS): each one directly, never through the load balancer
      return await reindexReplicas({ ...options, replicas: connection.replicas, adminKey: connection.adminKey, masterKey: config.meiliMasterKey });
    }
    // the URL is read per run: an embedded server restarted on another port is followed
    return await reindex({ ...options, client: new Meilisearch({ host: connection.url, apiKey: connection.adminKey }) });
  };
}

