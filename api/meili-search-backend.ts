import { Meilisearch, MeilisearchApiError, MeilisearchRequestError, MeilisearchRequestTimeOutError, type FacetDistribution, type IndexStats, type RecordAny } from 'meilisearch';
import { API_RECORD_FIELDS, toApiRecord, type ApiRecord, type StoredRecord } from '../src/contract/api-record.ts';
import type { SearchRequest } from '../src/contract/request-schemas.ts';
import type { BackendHealth, SearchBackend } from '../src/contract/search-backend.ts';
import type { FacetsResult, SearchResult } from '../src/contract/search-result.ts';
import { SearchUnavailableError } from '../src/errors/search-unavailable-error.ts';
import type { MeiliConnection } from '../src/meili/connect-meili.ts';
import { createMeiliTransport, type MeiliTransport, type MeiliTransportOptions } from '../src/meili/create-meili-transport.ts';
import { FACETS, FILTER_FIELDS, quoteFilterValue } from '../src/search/build-filter.ts';
import { toFacetCounts } from '../src/search/count-facets.ts';
import { getIndexSynonyms } from '../src/search/index-settings.ts';
import { getProjectSynonyms } from '../src/search/get-project-synonyms.ts';
import { searchQa } from '../src/search/search-qa.ts';
import { createNodeHttpClient, type MeiliHttpClient } from './create-node-http-client.ts';

export interface MeiliSearchBackendOptions {
  /** Where Meilisearch is (read per request: an embedded server restarted on another port is followed) and the search-only key. */
  connection: Pick<MeiliConnection, 'url' | 'searchKey'>;
  /** Live index (INDEX_NAME). */
  indexName: string;
  /** Longest wait for one Meilisearch request before answering 503, in ms (default: 5000). */
  timeoutMs?: number;
  /** `Retry-After` of the 503 answers, in seconds (default: 5). */
  retryAfterSeconds?: number;
  /**
   * Multi-search requests a search is split into while no other search is in flight
   * (default: 2). An idle Meilisearch answers them on separate threads, which cuts a lone
   * search's latency; under load every search goes as one request (splitting would only add
   * per-request overhead to a server with no idle core).
   */
  idleSearchRequests?: number;
  /**
   * How long the answer of a listing (an empty query: the page's first screen, the same for
   * every visitor) is reused, in ms (default: 0, never; the service: 10000). It changes only
   * when the index does: `clearCache()` after a reindex, and this bound for a reindex run
   * elsewhere (answers are public for 30 s anyway, `Cache-Control`).
   */
  listingCacheMs?: number;
  /** Synonyms marked in highlights (default: those the indexer configures, `getIndexSynonyms`). */
  synonyms?: Readonly<Record<string, readonly string[]>>;
  /** Search with the domain thesaurus (`SearchQaOptions.thesaurus`; default: false, the service: `SEARCH_THESAURUS`). */
  thesaurus?: boolean;
  /** Transport of the Meilisearch client for records, facets and health (default: `createNodeHttpClient()`; see there why not fetch). */
  httpClient?: MeiliHttpClient;
  /** The connection searches are sent on (default: `createMeiliTransport`, without the client's per-request work). */
  createTransport?: (options: MeiliTransportOptions) => MeiliTransport;
}

/**
 * The error as the client's fetch path would have thrown it: meilisearch-js wraps whatever a
 * custom `httpClient` rejects with in a `MeilisearchRequestError`, API errors included.
 */
function unwrap(error: unknown): unknown {
  return error instanceof MeilisearchRequestError && error.cause instanceof MeilisearchApiError ? error.cause : error;
}

/** Meilisearch's error code of an API error (e.g. `index_not_found`), if any. */
function apiCode(error: unknown): string | undefined {
  const cause = unwrap(error);
  return cause instanceof MeilisearchApiError ? cause.cause?.code : undefined;
}

/** A request that timed out (the client wraps its timeout error in a request error). */
function isTimeout(error: unknown): boolean {
  return error instanceof MeilisearchRequestTimeOutError
    || (error instanceof MeilisearchRequestError && error.cause instanceof MeilisearchRequestTimeOutError);
}

/**
 * Meilisearch codes that mean the live index lacks a setting the API relies on (it was built
 * before the settings changed): the next reindex fixes it. Requests are validated before they
 * get here, so these never come from what a client sent.
 */
const OUTDATED_INDEX_CODES = new Set(['invalid_search_filter', 'invalid_search_sort', 'invalid_search_facets']);

/** True for failures that mean "Meilisearch is not there (yet)" rather than a bad request. */
function isUnavailable(raw: unknown): boolean {
  const error = unwrap(raw);
  if (error instanceof MeilisearchRequestError || error instanceof MeilisearchRequestTimeOutError) return true;
  if (error instanceof MeilisearchApiError) {
    const code = apiCode(error) ?? '';
    return code === 'index_not_found' || OUTDATED_INDEX_CODES.has(code) || error.response.status >= 500;
  }
  return false;
}

/** The Meilisearch backend: a `SearchBackend` whose cached listings can be dropped. */
export interface MeiliSearchBackend extends SearchBackend {
  /** Forget the cached listings (the index changed). */
  clearCache(): void;
}

/** Listings cached at most (each page, filter and sort of the empty query is one). */
const MAX_CACHED_LISTINGS = 200;

/**
 * The search backend on Meilisearch, with the search-only key. Searches go through the search
 * core (`searchQa`), which answers what the route serialises.
 * Unreachable, slow or failing Meilisearch, or a missing index, become `SearchUnavailableError`.
 *
 * @see https://www.meilisearch.com/docs/reference/api/search
 */
export function createMeiliSearchBackend(options: MeiliSearchBackendOptions): MeiliSearchBackend {
  const { connection, indexName } = options;
  const timeout = options.timeoutMs ?? 5_000;
  const retryAfter = options.retryAfterSeconds ?? 5;
  const httpClient = options.httpClient ?? createNodeHttpClient();
  const idleSearchRequests = options.idleSearchRequests ?? 2;
  let searchesInFlight = 0;
  const synonyms = options.synonyms ?? getIndexSynonyms(getProjectSynonyms());
  let client: Meilisearch | null = null;
  let clientUrl = '';
  const createTransport = options.createTransport ?? createMeiliTransport;
  let transport: MeiliTransport | null = null;
  let transportUrl = '';

  /** The search connection, renewed when the embedded server moved (like `getClient`). */
  function getTransport(): MeiliTransport {
    const url = connection.url;
    if (!transport || url !== transportUrl) {
      transport?.close();
      transport = createTransport({ url, apiKey: connection.searchKey, timeoutMs: timeout });
      transportUrl = url;
    }
    return transport;
  }

  function getClient(): Meilisearch {
    const url = connection.url;
    if (!client || url !== clientUrl) {
      client = new Meilisearch({ host: url, apiKey: connection.searchKey, timeout, httpClient });
      clientUrl = url;
    }
    return client;
  }

  /** Run `call`, turning "Meilisearch is not there" failures into `SearchUnavailableError`. */
  async function guarded<T>(operation: string, call: (client: Meilisearch) => Promise<T>): Promise<T> {
    try {
      return await call(getClient());
    } catch (error) {
      if (!isUnavailable(error)) throw unwrap(error);
      const code = apiCode(error) ?? '';
      if (OUTDATED_INDEX_CODES.has(code)) {
        throw new SearchUnavailableError(`${operation}: the index ${indexName} was built with older settings (${code}); it is fixed by the next reindex`, 60, { cause: error });
      }
      const why = code === 'index_not_found'
        ? `the index ${indexName} does not exist yet`
        : isTimeout(error) ? `Meilisearch did not answer within ${timeout} ms` : 'Meilisearch is unavailable';
      throw new SearchUnavailableError(`${operation}: ${why}; try again shortly`, retryAfter, { cause: error });
    }
  }

  const listingCacheMs = options.listingCacheMs ?? 0;
  const listings = new Map<string, { at: number; result: Promise<SearchResult> }>();

  async function search(request: SearchRequest): Promise<SearchResult> {
    if (request.q || listingCacheMs <= 0) return searchNow(request);
    const key = JSON.stringify(request);
    const now = Date.now();
    const cached = listings.get(key);
    if (cached && now - cached.at < listingCacheMs) return cached.result;
    if (listings.size >= MAX_CACHED_LISTINGS) listings.clear();
    const result = searchNow(request);
    listings.set(key, { at: now, result });
    // A failure is not kept: the next search tries again.
    result.catch(() => listings.get(key)?.result === result && listings.delete(key));
    return result;
  }

  async function searchNow(request: SearchRequest): Promise<SearchResult> {
    const multiSearchRequests = searchesInFlight === 0 ? idleSearchRequests : 1;
    searchesInFlight += 1;
    try {
      return await guarded('Search', () => searchQa({ uid: indexName, transport: getTransport() }, request, { multiSearchRequests, synonyms, thesaurus: options.thesaurus === true }));
    } finally {
      searchesInFlight -= 1;
    }
  }

  async function getRecord(id: string): Promise<ApiRecord | null> {
    const result = await guarded('Reading a record', (c) => c.index<RecordAny>(indexName).search('', {
      filter: `${FILTER_FIELDS.id} = ${quoteFilterValue(id)}`,
      limit: 1,
      attributesToRetrieve: [...API_RECORD_FIELDS],
    }));
    const hit = result.hits[0];
    return hit ? toApiRecord(hit as StoredRecord) : null;
  }

  async function facets(): Promise<FacetsResult> {
    const [result, stats] = await guarded('Counting facets', (c) => Promise.all([
      c.index(indexName).search('', { page: 1, hitsPerPage: 0, facets: FACETS.map((facet) => facet.field) }),
      // totalHits stops at the index's maxTotalHits (1000); the stats count every document
      c.index(indexName).getStats(),
    ]));
    return { ...toFacetCounts((result.facetDistribution ?? {}) as FacetDistribution, [], () => []), total: stats.numberOfDocuments };
  }

  async function health(): Promise<BackendHealth> {
    try {
      // Proves Meilisearch answers and counts the live index's documents with the search key.
      // Probes want a quick answer: at most 2 s, even when searches may wait longer.
      const signal = AbortSignal.timeout(Math.min(timeout, 2_000));
      // the stats, not a search: a search's totalHits stops at maxTotalHits (1000)
      const stats = await getClient().index(indexName).httpRequest.get<IndexStats>({ path: `indexes/${encodeURIComponent(indexName)}/stats`, extraRequestInit: { signal } });
      const documents = stats.numberOfDocuments;
      return documents > 0 ? { available: true, documents } : { available: true, documents, reason: `the index ${indexName} is empty` };
    } catch (error) {
      if (apiCode(error) === 'index_not_found') return { available: true, documents: null, reason: `the index ${indexName} does not exist yet` };
      const reason = isTimeout(error) || (error instanceof MeilisearchRequestError && (error.cause as Error | undefined)?.name === 'TimeoutError')
        ? `Meilisearch did not answer within ${Math.min(timeout, 2_000)} ms`
        : 'Meilisearch is unavailable';
      return { available: false, documents: null, reason };
    }
  }

  return { search, getRecord, facets, health, clearCache: () => listings.clear() };
}
