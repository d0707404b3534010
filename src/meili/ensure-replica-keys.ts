import type { Logger } from 'pino';
import { MeiliStartError } from '../errors/meili-start-error.ts';
import { ensureApiKeys, type ApiKeys } from './ensure-api-keys.ts';
import { waitForHealth } from './wait-for-health.ts';

/**
 * `ensureApiKeys` on every replica, directly (never through the load balancer, where a key
 * would land on one replica only). Meilisearch derives a key's value from its uid and the
 * master key (HMAC), so with the fixed uids of `ensureApiKeys` and one master key every
 * replica holds the same two keys and any replica can answer any request. A replica that does
 * not answer is logged and left out (the reindex creates its keys once it is back).
 *
 * @throws {MeiliStartError} when no replica answers, or when two replicas derive different
 * keys (different master keys).
 * @see https://www.meilisearch.com/docs/reference/api/keys#create-a-key
 */
export async function ensureReplicaKeys(options: { replicas: readonly string[]; masterKey: string; indexName: string; logger: Logger; healthTimeoutMs?: number }): Promise<ApiKeys> {
  const { replicas, masterKey, indexName, logger } = options;
  const results = await Promise.all(replicas.map(async (url) => {
    try {
      if (!(await waitForHealth(url, { timeoutMs: options.healthTimeoutMs ?? 30_000, intervalMs: 250 }))) throw new Error('no answer on /health');
      return { url, keys: await ensureApiKeys({ url, masterKey, indexName }) };
    } catch (error) {
      logger.warn({ err: error, replica: url }, 'Meilisearch replica unreachable: its keys are created by the next reindex');
      return { url, keys: null };
    }
  }));
  const ready = results.filter((r): r is { url: string; keys: ApiKeys } => r.keys !== null);
  const first = ready[0];
  if (!first) throw new MeiliStartError(`No Meilisearch replica answered (${replicas.join(', ')})`);
  const different = ready.filter((r) => r.keys.searchKey !== first.keys.searchKey || r.keys.adminKey !== first.keys.adminKey);
  if (different.length) {
    throw new MeiliStartError(`Meilisearch replicas ${[first.url, ...different.map((r) => r.url)].join(', ')} derive different API keys: they must share one master key (MEILI_MASTER_KEY)`);
  }
  return first.keys;
}
