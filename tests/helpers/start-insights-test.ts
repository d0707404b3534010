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
import { getProjectSynonyms } from '../../src/search/get-project-synonyms.ts';
import { getIndexSettings as getRelevanceSettings } from '../../src/search/index-settings.ts';
import { toIndexDocument } from '../../src/search/to-index-document.ts';
import { TEST_ADMIN_TOKEN } from './start-api-test.ts';
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

/** As `seedIndex`, with waits a loaded 2-core machine needs (its 5 s task wait ran out in a full run). */
async function seedPatiently(meili: TestMeili, records: QaRecord[]): Promise<void> {
  const wait = { timeout: 120_000 };
  await meili.admin.createIndex('qa', { primaryKey: 'id' }).waitTask(wait);
  await meili.admin.index('qa').updateSettings(getRelevanceSettings(getProjectSynonyms())).waitTask(wait);
  const task = await meili.admin.index('qa').addDocuments(records.map(toIndexDocument)).waitTask(wait);
  if (task.status !== 'succeeded') throw new Error(`seedPatiently: ${JSON.stringify(task.error)}`);
}

/** A real Meilisearch with `records`, and the app with insights in a SQLite file under its temp DATA_DIR. */
export async function startInsightsTest(options: { records?: QaRecord[]; env?: Record<string, string>; insights?: Partial<InsightsOptions> } = {}): Promise<InsightsTest> {
  const meili = await startTestMeili();
  try {
    await seedPatiently(meili, options.records ?? API_RECORDS);
    const config = loadConfig({ DATA_DIR: meili.dataDir, LOG_LEVEL: 'silent', SEARCH_RATE_LIMIT: '0', ADMIN_TOKEN: TEST_ADMIN_TOKEN, ...options.env });
    const metrics = createMetrics({ defaultMetrics: false });
    const file = path.join(meili.dataDir, 'insights.sqlite');
    const insights = createInsights({ file, registry: metrics.registry, flushIntervalMs: 60_000, retryAfterMs: 0, ...options.insights });
    const backend = createMeiliSearchBackend({ connection: meili.connection, indexName: 'qa' });
    const app = createApp({ backend, logger: meili.logger, config, metrics, insights, web: createWebRouters });
    return { meili, app, metrics, insights, file, stop: async () => { insights.close(); await meili.stop(); } };
  } catch (error) {
    await meili.stop();
    throw error;
  }
}
