import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Meilisearch } from 'meilisearch';
import { loadConfig, type Config } from '../../src/config.ts';
import { createLogger, type Logger } from '../../src/logger.ts';
import { connectMeili, type MeiliConnection } from '../../src/meili/connect-meili.ts';

export interface TestMeili {
  /** Temporary DATA_DIR (deleted by `stop`). */
  dataDir: string;
  config: Config;
  logger: Logger;
  connection: MeiliConnection;
  /** Client with the admin (indexing) key. */
  admin: Meilisearch;
  /** Client with the search-only key. */
  search: Meilisearch;
  /** Stop Meilisearch and delete the data directory. */
  stop(): Promise<void>;
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

/**
 * Start a real embedded Meilisearch (the project's own launcher) on a fresh temporary
 * DATA_DIR, with the service's keys. Call `stop()` in `after()`.
 */
export async function startTestMeili(env: Record<string, string> = {}): Promise<TestMeili> {
  const dataDir = await makeTempDir();
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...env });
  const logger = createTestLogger();
  const connection = await connectMeili(config, logger);
  return {
    dataDir,
    config,
    logger,
    connection,
    admin: new Meilisearch({ host: connection.url, apiKey: connection.adminKey, defaultWaitOptions: TEST_WAIT_OPTIONS }),
    search: new Meilisearch({ host: connection.url, apiKey: connection.searchKey, defaultWaitOptions: TEST_WAIT_OPTIONS }),
    async stop() {
      await connection.stop();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}
