import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import { MeiliStartError } from '../errors/meili-start-error.ts';
import { startEmbeddedMeili, type EmbeddedMeili } from './embedded-meili.ts';
import { ensureApiKeys } from './ensure-api-keys.ts';
import { ensureReplicaKeys } from './ensure-replica-keys.ts';
import { waitForHealth } from './wait-for-health.ts';

/** A ready Meilisearch and the two keys the service uses. The master key is not part of it. */
export interface MeiliConnection {
  /** Base URL of the server (a getter: an embedded server restarted on a new port changes it). */
  readonly url: string;
  /** Key for indexing (see `ensureApiKeys`). Server-side only. */
  readonly adminKey: string;
  /** Search-only key for the live index: the only key the API may use. */
  readonly searchKey: string;
  /** Replicas the reindex keeps in step (MEILI_REPLICAS), when there are several; empty: `url` is the only server. */
  readonly replicas: readonly string[];
  /** The embedded server, or null with MEILI_URL. */
  readonly embedded: EmbeddedMeili | null;
  /** Stop the embedded server (no-op for an external one). Idempotent. */
  stop(): Promise<void>;
}

/**
 * Connect to Meilisearch: with `MEILI_URL` set, to that server with `MEILI_MASTER_KEY`;
 * otherwise start the embedded server (see `startEmbeddedMeili`). Then make sure the
 * indexing key and the search-only key exist (created with the master key).
 *
 * @throws {MeiliStartError} when the server cannot be started or reached.
 * @see https://www.meilisearch.com/docs/reference/api/keys
 */
export async function connectMeili(
  config: Pick<Config, 'meiliUrl' | 'meiliMasterKey' | 'meiliBin' | 'dataDir' | 'indexName' | 'logLevel'> & Partial<Pick<Config, 'meiliReplicas'>>,
  logger: Logger,
  /** `attach: false` for the service: never share another process's embedded server (see `EmbeddedMeiliOptions.attach`); `onSpawned`: see `EmbeddedMeiliOptions.onSpawned` (never called for MEILI_URL or an attached server). */
  options: { attach?: boolean; onSpawned?: () => void } = {},
): Promise<MeiliConnection> {
  let embedded: EmbeddedMeili | null = null;
  let url: () => string;
  let masterKey: string;
  const replicas = (config.meiliReplicas?.length ?? 0) > 1 ? [...(config.meiliReplicas ?? [])] : [];
  if (config.meiliUrl) {
    const external = config.meiliUrl;
    // With replicas, MEILI_URL is their load balancer, which may rightly have none in rotation
    // before the first reindex (deploy/haproxy.cfg admits only replicas holding the live index):
    // the servers to wait for are the replicas themselves.
    for (const server of replicas.length ? replicas : [external]) {
      if (!(await waitForHealth(server, { timeoutMs: 30_000, intervalMs: 250 }))) {
        throw new MeiliStartError(`Meilisearch at ${server} did not answer /health within 30 s`);
      }
    }
    url = () => external;
    masterKey = config.meiliMasterKey ?? '';
    logger.info({ url: external }, 'Using external Meilisearch');
  } else {
    const server = await startEmbeddedMeili({ dataDir: config.dataDir, bin: config.meiliBin, logger, logLevel: config.logLevel, attach: options.attach ?? true, onSpawned: options.onSpawned });
    embedded = server;
    url = () => server.url;
    masterKey = server.masterKey;
  }
  let keys;
  try {
    // Through a load balancer a key would land on one replica only: each replica gets its keys directly.
    keys = replicas.length
      ? await ensureReplicaKeys({ replicas, masterKey, indexName: config.indexName, logger })
      : await ensureApiKeys({ url: url(), masterKey, indexName: config.indexName });
  } catch (error) {
    if (error instanceof MeiliStartError) throw error;
    await embedded?.stop();
    throw new MeiliStartError(`Creating the API keys on ${url()} failed (is MEILI_MASTER_KEY the master key?)`, [], { cause: error });
  }
  const connection: MeiliConnection = {
    get url() {
      return url();
    },
    adminKey: keys.adminKey,
    searchKey: keys.searchKey,
    replicas,
    embedded,
    stop: async () => {
      await embedded?.stop();
    },
  };
  // Keep the keys out of JSON and log serialization of the connection object.
  Object.defineProperty(connection, 'adminKey', { enumerable: false });
  Object.defineProperty(connection, 'searchKey', { enumerable: false });
  return connection;
}
