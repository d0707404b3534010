import path from 'node:path';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import type { Config } from '../config.ts';
import { createInsights, type Insights } from './create-insights.ts';

/** The insights of the service: INSIGHTS_DB (default `DATA_DIR/insights.sqlite`), or none when it is "off". */
export function createInsightsFromConfig(
  config: Pick<Config, 'dataDir' | 'insightsDb' | 'insightsRetentionDays'>,
  deps: { registry: Registry; logger: Pick<Logger, 'warn' | 'info'> },
): Insights | undefined {
  if (config.insightsDb === 'off') return undefined;
  return createInsights({
    file: config.insightsDb ?? path.join(config.dataDir, 'insights.sqlite'),
    retentionDays: config.insightsRetentionDays,
    registry: deps.registry,
    logger: deps.logger,
  });
}
