import path from 'node:path';
import type { Express } from 'express';
import { createApp } from '../../api/create-app.ts';
import { createWebRouters } from '../../web/create-web-routers.ts';
import { createMetrics, type ApiMetrics } from '../../api/create-metrics.ts';
import { createMeiliSearchBackend } from '../../api/meili-search-backend.ts';
import { loadConfig } from '../../src/config.ts';
import { createInsights, type Insights, type InsightsOptions } from '../../src/insights/create-insights.ts';
import type { QaRecord } from '../../src/qa-record.ts';
import { API_RECORDS } from './api-records.ts';
import { seedIndex, TEST_ADMIN_TOKEN, TEST_MEILI_TIMEOUT_MS } from './start-api-test.ts';
import { startTestMeili, type TestMeili } from './start-test-meili.ts';

export interface InsightsTest {
  meili: TestMeili;
  app: Express;
  metrics: ApiMetrics;
  insights: Insights;
  /** The SQLite file, in the test's DATA_DIR. */
  file: string;
  stop(): Promise<void>;
}

/** A real Meilisearch (the run's shared one when there is one) with `records` in the test's index, and the app with insights in a SQLite file under its temp DATA_DIR. */
export async function startInsightsTest(options: { records?: QaRecord[]; env?: Record<string, string>; insights?: Partial<InsightsOptions> } = {}): Promise<InsightsTest> {
  const meili = await startTestMeili();
  try {
    await seedIndex(meili.admin, options.records ?? API_RECORDS, meili.config.indexName);
    const config = loadConfig({ DATA_DIR: meili.dataDir, LOG_LEVEL: 'silent', SEARCH_RATE_LIMIT: '0', ADMIN_TOKEN: TEST_ADMIN_TOKEN, INDEX_NAME: meili.config.indexName, ...options.env });
    const metrics = createMetrics({ defaultMetrics: false });
    const file = path.join(meili.dataDir, 'insights.sqlite');
    const insights = createInsights({ file, registry: metrics.registry, flushIntervalMs: 60_000, retryAfterMs: 0, ...options.insights });
    const backend = createMeiliSearchBackend({ connection: meili.connection, indexName: meili.config.indexName, timeoutMs: TEST_MEILI_TIMEOUT_MS });
    const app = createApp({ backend, logger: meili.logger, config, metrics, insights, web: createWebRouters });
    return { meili, app, metrics, insights, file, stop: async () => { insights.close(); await meili.stop(); } };
  } catch (error) {
    await meili.stop();
    throw error;
  }
}
