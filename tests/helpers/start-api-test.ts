import type { Express } from 'express';
import type { Meilisearch } from 'meilisearch';
import { createApp } from '../../api/create-app.ts';
import { createWebRouters } from '../../web/create-web-routers.ts';
import { createMetrics, type ApiMetrics } from '../../api/create-metrics.ts';
import { createMeiliSearchBackend } from '../../api/meili-search-backend.ts';
import type { SearchBackend } from '../../src/contract/search-backend.ts';
import { getProjectSynonyms } from '../../src/search/get-project-synonyms.ts';
import { loadConfig } from '../../src/config.ts';
import type { QaRecord } from '../../src/qa-record.ts';
import type { ReindexScheduler } from '../../indexer/load/reindex-scheduler.ts';
import { getIndexSettings } from '../../src/search/index-settings.ts';
import { toIndexDocument } from '../../src/search/to-index-document.ts';
import { API_RECORDS } from './api-records.ts';
import { getOwnIndex } from './own-index.ts';
import { startTestMeili, type TestMeili } from './start-test-meili.ts';

export const TEST_ADMIN_TOKEN = 'test-admin-token-0123456789';

/**
 * The app's Meilisearch timeout in the tests (the service's is 5 s): on a loaded machine a
 * search on the shared server, busy indexing for other tests, can take longer, and the page
 * would show "unavailable" instead of the results a test waits for. The timeout itself is
 * tested with a backend of its own (tests/api-meili-down.test.ts).
 */
export const TEST_MEILI_TIMEOUT_MS = 60_000;

/**
 * Create `indexName` with the service's settings and `records`, and wait until they are
 * searchable. Default: the index of the test `admin` belongs to (`meili.config.indexName`:
 * `qa` on a server of its own, a unique name on the run's shared server).
 */
export async function seedIndex(admin: Meilisearch, records: QaRecord[], indexName = getOwnIndex(admin) ?? 'qa'): Promise<void> {
  // Generous waits: on a loaded 2-core machine a settings task can take well over the client's 5 s default.
  const wait = { timeout: 120_000 };
  const index = admin.index(indexName);
  // Enqueued together, waited for once: the settings task creates the index, and Meilisearch runs
  // one index's tasks in order (often in one batch).
  const settings = await index.updateSettings(getIndexSettings(getProjectSynonyms()));
  const documents = await index.addDocuments(records.map(toIndexDocument), { primaryKey: 'id' });
  for (const enqueued of [settings, documents]) {
    const task = await admin.tasks.waitForTask(enqueued.taskUid, wait);
    if (task.status !== 'succeeded') throw new Error(`seedIndex ${indexName}: ${JSON.stringify(task.error)}`);
  }
}

export interface ApiTest {
  meili: TestMeili;
  backend: SearchBackend;
  metrics: ApiMetrics;
  app: Express;
  stop(): Promise<void>;
}

/**
 * A real Meilisearch with `records` (default: API_RECORDS) in the test's index
 * (`meili.config.indexName`), and the app on it (no port). `env` adds configuration (e.g.
 * ADMIN_TOKEN, CORS_ORIGINS). On the run's shared server unless `own` (see `startTestMeili`).
 */
export async function startApiTest(options: { records?: QaRecord[]; env?: Record<string, string>; scheduler?: Pick<ReindexScheduler, 'getStatus' | 'trigger'>; own?: boolean } = {}): Promise<ApiTest> {
  const meili = await startTestMeili({}, { own: options.own });
  try {
    await seedIndex(meili.admin, options.records ?? API_RECORDS, meili.config.indexName);
    const config = loadConfig({ DATA_DIR: meili.dataDir, LOG_LEVEL: 'silent', SEARCH_RATE_LIMIT: '0', INDEX_NAME: meili.config.indexName, ...options.env });
    const backend = createMeiliSearchBackend({ connection: meili.connection, indexName: meili.config.indexName, timeoutMs: TEST_MEILI_TIMEOUT_MS, thesaurus: config.searchThesaurus });
    const metrics = createMetrics({ defaultMetrics: false });
    const app = createApp({ backend, logger: meili.logger, config, metrics, scheduler: options.scheduler, web: createWebRouters });
    return { meili, backend, metrics, app, stop: () => meili.stop() };
  } catch (error) {
    await meili.stop();
    throw error;
  }
}
