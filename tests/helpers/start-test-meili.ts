import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Meilisearch } from 'meilisearch';
import { loadConfig, type Config } from '../../src/config.ts';
import { createLogger, type Logger } from '../../src/logger.ts';
import { connectMeili, type MeiliConnection } from '../../src/meili/connect-meili.ts';
import { getStableKeyUid } from '../../src/meili/ensure-api-keys.ts';
import { setOwnIndex } from './own-index.ts';
import { getSharedTestMeili, getUniqueIndexName, type SharedTestMeili } from './shared-test-meili.ts';

export interface TestMeili {
  /** Temporary DATA_DIR (deleted by `stop`). */
  dataDir: string;
  /** Its `indexName` is the index this test owns: `qa` on its own server, a unique name on the run's shared one. */
  config: Config;
  logger: Logger;
  connection: MeiliConnection;
  /** Client with the admin (indexing) key. */
  admin: Meilisearch;
  /** Client with the search-only key. */
  search: Meilisearch;
  /** True on the run's shared server: other tests' indexes live there too, and `connection.embedded` is null. */
  shared: boolean;
  /** The server's master key (for a child service pointed at it with MEILI_URL). */
  readonly masterKey: string;
  /** Stop Meilisearch (on the shared server: delete this test's indexes and keys) and delete the data directory. */
  stop(): Promise<void>;
}

export interface StartTestMeiliOptions {
  /**
   * Start a server of this test's own even when the run shares one (default: false): for tests
   * that stop, kill or restart it, or look at server-wide state (every index, every key).
   */
  own?: boolean;
}

/** A logger that stays quiet unless TEST_LOG is set (then it logs at that level, e.g. TEST_LOG=debug). */
export function createTestLogger(): Logger {
  return createLogger({ level: process.env.TEST_LOG || 'silent', fd: 2, pretty: false });
}

/** Make a temporary directory for one test file; removed by the returned cleanup. */
export async function makeTempDir(prefix = 'weekly-faq-test-'): Promise<string> {
  return await fs.mkdtemp(path.join(os.tmpdir(), prefix));
}

/**
 * How the test clients wait for Meilisearch tasks: the client's default gives up after 5 s,
 * which a loaded 2-core machine misses; poll (every 50 ms) for up to 2 minutes instead.
 */
export const TEST_WAIT_OPTIONS = { timeout: 120_000, interval: 50 } as const;

/** Variables that change which server the test gets: with any of them the test starts its own. */
const SERVER_VARIABLES = /^(MEILI_|DATA_DIR$|INDEX_NAME$)/;

/**
 * A real Meilisearch with the service's keys, on a fresh temporary DATA_DIR: the run's shared
 * server when tests/run-tests.ts started one (with a unique `config.indexName`: use it, never a
 * literal `qa`), otherwise the project's own launcher on that DATA_DIR. `env` adds configuration;
 * a MEILI_*, DATA_DIR or INDEX_NAME variable in it, or `own`, always gets a server of its own.
 * Call `stop()` in `after()`.
 */
export async function startTestMeili(env: Record<string, string> = {}, options: StartTestMeiliOptions = {}): Promise<TestMeili> {
  const shared = getSharedTestMeili();
  const useShared = shared && !options.own && !Object.keys(env).some((name) => SERVER_VARIABLES.test(name));
  const dataDir = await makeTempDir();
  const serverEnv: Record<string, string> = useShared ? { MEILI_URL: shared.url, MEILI_MASTER_KEY: shared.masterKey, INDEX_NAME: getUniqueIndexName() } : {};
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...serverEnv, ...env });
  const logger = createTestLogger();
  let connection: MeiliConnection;
  try {
    connection = await connectMeili(config, logger);
  } catch (error) {
    await fs.rm(dataDir, { recursive: true, force: true });
    throw error;
  }
  const masterKey = useShared ? shared.masterKey : config.meiliMasterKey ?? await readMasterKey(dataDir);
  const meili: TestMeili = {
    dataDir,
    config,
    logger,
    connection,
    admin: new Meilisearch({ host: connection.url, apiKey: connection.adminKey, defaultWaitOptions: TEST_WAIT_OPTIONS }),
    search: new Meilisearch({ host: connection.url, apiKey: connection.searchKey, defaultWaitOptions: TEST_WAIT_OPTIONS }),
    shared: Boolean(useShared),
    get masterKey() {
      return masterKey;
    },
    async stop() {
      try {
        if (useShared) await removeTestIndexes(shared, config.indexName);
      } finally {
        await connection.stop();
        await fs.rm(dataDir, { recursive: true, force: true });
      }
    },
  };
  Object.defineProperty(meili, 'masterKey', { enumerable: false });
  setOwnIndex(meili.admin, config.indexName);
  return meili;
}

/** The key the embedded server keeps in DATA_DIR ('' when there is none). */
async function readMasterKey(dataDir: string): Promise<string> {
  return (await fs.readFile(path.join(dataDir, 'meili-master-key'), 'utf8').catch(() => '')).trim();
}

/**
 * Delete `indexName`, its `indexName_*` build indexes and its two keys from the shared server.
 * Not waited for: the deletions run while the next tests do, and the server goes at the end of the run.
 */
async function removeTestIndexes(shared: SharedTestMeili, indexName: string): Promise<void> {
  const client = new Meilisearch({ host: shared.url, apiKey: shared.masterKey });
  const { results } = await client.getRawIndexes({ limit: 1000 });
  const mine = results.map((index) => index.uid).filter((uid) => uid === indexName || uid.startsWith(`${indexName}_`));
  await Promise.all([
    ...mine.map((uid) => client.deleteIndex(uid)),
    ...['admin', 'search'].map((role) => client.deleteKey(getStableKeyUid(`weekly-faq:${role}:${indexName}`)).catch(() => undefined)),
  ]);
}
