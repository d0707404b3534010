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
import { startTestMeili, type TestMeili } from './start-test-meili.ts';

export const TEST_ADMIN_TOKEN = 'test-admin-token-0123456789';

/** Create `indexName` with the service's settings and `records`, and wait until they are searchable. */
export async function seedIndex(admin: Meilisearch, records: QaRecord[], indexName = 'qa'): Promise<void> {
  // Generous waits: on a loaded 2-core machine a settings task can take well over the client's 5 s default.
  const wait = { timeout: 120_000 };
  await admin.createIndex(indexName, { primaryKey: 'id' }).waitTask(wait);
  const index = admin.index(indexName);
  await index.updateSettings(getIndexSettings(getProjectSynonyms())).waitTask(wait);
  const task = await index.addDocuments(records.map(toIndexDocument)).waitTask(wait);
  if (task.status !== 'succeeded') throw new Error(`seedIndex: ${JSON.stringify(task.error)}`);
}

export interface ApiTest {
  meili: TestMeili;
  backend: SearchBackend;
  metrics: ApiMetrics;
  app: Express;
  stop(): Promise<void>;
}

/**
 * A real Meilisearch with `records` (default: API_RECORDS) in `qa`, and the app on it
 * (no port). `env` adds configuration (e.g. ADMIN_TOKEN, CORS_ORIGINS).
 */
export async function startApiTest(options: { records?: QaRecord[]; env?: Record<string, string>; scheduler?: Pick<ReindexScheduler, 'getStatus' | 'trigger'> } = {}): Promise<ApiTest> {
  const meili = await startTestMeili();
  try {
    await seedIndex(meili.admin, options.records ?? API_RECORDS);
    const config = loadConfig({ DATA_DIR: meili.dataDir, LOG_LEVEL: 'silent', SEARCH_RATE_LIMIT: '0', ...options.env });
    const backend = createMeiliSearchBackend({ connection: meili.connection, indexName: 'qa' });
    const metrics = createMetrics({ defaultMetrics: false });
    const app = createApp({ backend, logger: meili.logger, config, metrics, scheduler: options.scheduler, web: createWebRouters });
    return { meili, backend, metrics, app, stop: () => meili.stop() };
  } catch (error) {
    await meili.stop();
    throw error;
  }
}
