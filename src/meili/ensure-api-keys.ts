import { createHash, createHmac } from 'node:crypto';
import { Meilisearch, MeilisearchApiError, type Key, type KeyCreation } from 'meilisearch';

/** Actions of the key the indexer works with: everything on our indexes, no key management. */
export const ADMIN_KEY_ACTIONS = [
  'search', 'documents.*', 'indexes.*', 'tasks.*', 'settings.*', 'stats.*', 'version',
] as const;

/** A UUID (v4 layout) derived from `seed`, so the same key is found again on every start. */
export function getStableKeyUid(seed: string): string {
  const hex = createHash('sha256').update(seed).digest('hex').slice(0, 32).split('');
  hex[12] = '4';
  hex[16] = ((parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/**
 * The value Meilisearch gives the key `uid` under `masterKey` (HMAC-SHA256 of the uid, hex), so
 * one master key yields the same keys on every replica; the create-key API takes no `key`.
 */
export function getKeyValue(masterKey: string, uid: string): string {
  return createHmac('sha256', masterKey).update(uid).digest('hex');
}

/** The search-only key `ensureApiKeys` creates for `indexName` under `masterKey`, computed offline. */
export function getSearchKeyValue(masterKey: string, indexName: string): string {
  return getKeyValue(masterKey, getStableKeyUid(`weekly-faq:search:${indexName}`));
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');
}

/**
 * Get the key with `spec.uid`, creating it (or re-creating it when its actions or indexes
 * changed). Meilisearch derives a key's value from its uid and the master key, so the value
 * is stable across restarts and no key piles up.
 *
 * @see https://www.meilisearch.com/docs/reference/api/keys#create-a-key
 */
async function ensureKey(client: Meilisearch, spec: KeyCreation & { uid: string }): Promise<Key> {
  let existing: Key | null = null;
  try {
    existing = await client.getKey(spec.uid);
  } catch (error) {
    if (!(error instanceof MeilisearchApiError && error.cause?.code === 'api_key_not_found')) throw error;
  }
  if (existing && sameSet(existing.actions, spec.actions) && sameSet(existing.indexes, spec.indexes) && existing.expiresAt === null) {
    return existing;
  }
  if (existing) await client.deleteKey(spec.uid);
  return await client.createKey(spec);
}

export interface ApiKeys {
  /** Indexing key: documents, settings, indexes and tasks; cannot manage keys. */
  adminKey: string;
  /** Search key for `<indexName>` (search, and its document count), the only key the API uses. */
  searchKey: string;
}

/**
 * Make sure the service's two API keys exist, using the master key, and return their values.
 *
 * @see https://www.meilisearch.com/docs/learn/security/basic_security
 */
export async function ensureApiKeys(options: { url: string; masterKey: string; indexName: string }): Promise<ApiKeys> {
  const { url, masterKey, indexName } = options;
  const client = new Meilisearch({ host: url, apiKey: masterKey });
  // both at once: this runs on every start, between Meilisearch answering /health and the first search
  const [admin, search] = await Promise.all([ensureKey(client, {
    uid: getStableKeyUid(`weekly-faq:admin:${indexName}`),
    name: `weekly-faq indexer (${indexName})`,
    description: 'Used by the weekly-faq indexer to rebuild the index; created at start-up',
    actions: [...ADMIN_KEY_ACTIONS],
    // All indexes: a key limited to [qa, qa_build_*] cannot see swap tasks (Meilisearch 1.21 answers task_not_found).
    indexes: ['*'],
    expiresAt: null,
  }), ensureKey(client, {
    uid: getStableKeyUid(`weekly-faq:search:${indexName}`),
    name: `weekly-faq search (${indexName})`,
    description: 'Search key used by the weekly-faq API; created at start-up',
    // stats.get: the exact document count (a search's totalHits stops at maxTotalHits, 1000)
    actions: ['search', 'stats.get'],
    indexes: [indexName],
    expiresAt: null,
  })]);
  return { adminKey: admin.key, searchKey: search.key };
}
