/**
 * Search latency and throughput, through the API and straight to Meilisearch, with autocannon.
 *
 * Three targets, each given the fixed list of searches (bench/search-queries.ts), cycled by every
 * connection:
 * - `api`: `GET /api/search` on the running service (the relevance pipeline, `searchQa`).
 * - `meiliSame`: Meilisearch doing the same work as the pipeline: every query the API sends to
 *   Meilisearch for that search (recorded from the API's own backend code: the pipeline's
 *   multi-search(es) and its fetch of page documents by id), merged into ONE multi-search
 *   request, with the search-only key. The API/meiliSame ratio is the cost of the service
 *   itself (HTTP hop, Express, fusion, highlights, JSON) over the Meilisearch work it needs.
 * - `meiliPlain`: one plain Meilisearch multi-search per search (the page of hits with
 *   highlights and facets, plus a count query per filtered facet: `buildMultiSearchQueries`),
 *   i.e. what a bare Meilisearch search costs. API/meiliPlain is the whole cost of the pipeline.
 *
 * Every round runs the three targets back to back (in a rotating order) at each concurrency,
 * and ratios are taken within a round; figures and ratios are medians over the rounds. Many
 * short rounds rather than a few long ones: on a shared 2-core machine the speed drifts over
 * seconds, and within a short round both sides see the same conditions (5 rounds of 5 s gave
 * per-round p50 ratios from 1.22 to 1.66 where 10 of 2-3 s stay within about 1.1-1.4).
 */
import { createRequire } from 'node:module';
import type { MultiSearchQuery } from 'meilisearch';
import { createMeiliSearchBackend } from '../api/meili-search-backend.ts';
import { createNodeHttpClient, type MeiliHttpClient } from '../api/create-node-http-client.ts';
import { planSearch } from '../api/plan-search.ts';
import { buildMultiSearchQueries } from '../api/run-search-queries.ts';
import type { SearchParams } from '../api/search-backend.ts';
import { BENCH_QUERIES, toApiPath, toSearchParams, type BenchQuery } from './search-queries.ts';
import { median, percentile, round } from './stats.ts';

interface AutocannonResult {
  duration: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  requests: { total: number };
}
interface AutocannonInstance extends PromiseLike<AutocannonResult> {
  on(event: 'response', listener: (client: unknown, statusCode: number, bytes: number, responseTime: number) => void): void;
}
type Autocannon = (options: Record<string, unknown>) => AutocannonInstance;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

export const TARGETS = ['api', 'meiliSame', 'meiliPlain'] as const;
export type SearchTarget = (typeof TARGETS)[number];

/** One autocannon run, or the medians of several. Latencies in ms, throughput in searches/s. */
export interface LoadFigures {
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  rps: number;
}

export interface SearchRatios {
  /** API p50 / Meilisearch doing the same queries p50 (target <= 1.3 at 1 connection). */
  p50VsSame: number;
  /** API searches/s / Meilisearch same queries searches/s (target >= 0.7 at 32 connections). */
  throughputVsSame: number;
  /** API p50 / plain Meilisearch search p50: the whole cost of the pipeline. */
  p50VsPlain: number;
  throughputVsPlain: number;
  /** Meilisearch same queries p50 / plain p50: the pipeline's extra queries, in Meilisearch alone. */
  p50SameVsPlain: number;
}

export interface SearchLevel {
  connections: number;
  /** Medians over the rounds. */
  api: LoadFigures;
  meiliSame: LoadFigures;
  meiliPlain: LoadFigures;
  /** Medians of the per-round ratios. */
  ratios: SearchRatios;
  /** Every round's figures, for the record. */
  rounds: Record<SearchTarget, LoadFigures>[];
}

export interface SearchBench {
  documents: number;
  queries: BenchQuery[];
  durationSeconds: number;
  rounds: number;
  levels: SearchLevel[];
  /** Mean per search: HTTP requests the API sends to Meilisearch, and Meilisearch queries in them. */
  pipeline: { httpRequestsPerSearch: number; queriesPerSearch: number };
  /** Meilisearch queries per search of the plain form. */
  plain: { queriesPerSearch: number };
}

export interface Req {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface SearchEndpoints {
  /** The service, `http://127.0.0.1:PORT`. */
  apiUrl: string;
  meiliUrl: string;
  searchKey: string;
  indexName?: string;
}

/** Run autocannon over `requests` (cycled by every connection); latencies from every response. */
export async function runLoad(url: string, requests: Req[], connections: number, seconds: number): Promise<LoadFigures> {
  const times: number[] = [];
  let bad = 0;
  const instance = autocannon({ url, connections, duration: seconds, requests });
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    if (statusCode >= 200 && statusCode < 300) times.push(responseTime);
    else bad += 1;
  });
  const result = await instance;
  if (bad || result.non2xx || result.errors || result.timeouts) {
    throw new Error(`${url}: ${result.non2xx || bad} non-2xx answers, ${result.errors} errors, ${result.timeouts} timeouts`);
  }
  return {
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    mean: times.reduce((a, b) => a + b, 0) / times.length,
    rps: times.length / (result.duration || seconds),
  };
}

/** The requests the API's backend sends to Meilisearch for one search, recorded from its own code. */
export async function recordPipelineRequests(endpoints: SearchEndpoints, params: SearchParams): Promise<{ requests: Req[]; hitIds: string[] }> {
  const base = createNodeHttpClient();
  const requests: Req[] = [];
  const recorder: MeiliHttpClient = (input, init = {}) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    requests.push({ method: init.method ?? 'GET', path: url.pathname + url.search, ...(typeof init.body === 'string' ? { body: init.body } : {}) });
    return base(input, init);
  };
  const backend = createMeiliSearchBackend({ connection: { url: endpoints.meiliUrl, searchKey: endpoints.searchKey }, indexName: endpoints.indexName ?? 'qa', httpClient: recorder });
  const result = await backend.search(params);
  return { requests, hitIds: result.hits.map((hit) => hit.id) };
}

/** Every Meilisearch query of recorded requests, as the queries of one multi-search. */
export function mergeIntoMultiSearch(requests: readonly Req[], indexName: string): MultiSearchQuery[] {
  const queries: MultiSearchQuery[] = [];
  for (const request of requests) {
    const body = JSON.parse(request.body ?? '{}') as Record<string, unknown>;
    if (request.method === 'POST' && request.path === '/multi-search') {
      queries.push(...(body.queries as MultiSearchQuery[]));
    } else if (request.method === 'POST' && request.path === `/indexes/${indexName}/search`) {
      queries.push({ indexUid: indexName, ...body } as MultiSearchQuery);
    } else {
      throw new Error(`mergeIntoMultiSearch: unexpected request ${request.method} ${request.path}`);
    }
  }
  return queries;
}

function multiSearchRequest(queries: MultiSearchQuery[], searchKey: string): Req {
  return {
    method: 'POST',
    path: '/multi-search',
    headers: { authorization: `Bearer ${searchKey}`, 'content-type': 'application/json', 'accept-encoding': 'identity' },
    body: JSON.stringify({ queries }),
  };
}

/** The three request lists, checked: every search answers 200, and the API's page is the pipeline's. */
export async function prepareSearchRequests(endpoints: SearchEndpoints, queries: BenchQuery[] = BENCH_QUERIES) {
  const indexName = endpoints.indexName ?? 'qa';
  const api: Req[] = [];
  const same: Req[] = [];
  const plain: Req[] = [];
  let httpRequests = 0;
  let sameQueries = 0;
  let plainQueries = 0;
  for (const query of queries) {
    const params = toSearchParams(query.params);
    const path = toApiPath(params);
    const response = await fetch(`${endpoints.apiUrl}${path}`);
    if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
    const viaApi = (await response.json()) as { hits: { id: string }[] };
    const recorded = await recordPipelineRequests(endpoints, params);
    if (viaApi.hits.map((h) => h.id).join() !== recorded.hitIds.join()) throw new Error(`the API and its recorded pipeline disagree on ${path}`);
    const merged = mergeIntoMultiSearch(recorded.requests, indexName);
    const { main, facetQueries } = planSearch(params);
    const plainQueriesOf = buildMultiSearchQueries(indexName, main, facetQueries);
    api.push({ method: 'GET', path });
    same.push(multiSearchRequest(merged, endpoints.searchKey));
    plain.push(multiSearchRequest(plainQueriesOf, endpoints.searchKey));
    httpRequests += recorded.requests.length;
    sameQueries += merged.length;
    plainQueries += plainQueriesOf.length;
  }
  for (const [name, list] of [['same', same], ['plain', plain]] as const) {
    for (const request of list) {
      const response = await fetch(`${endpoints.meiliUrl}${request.path}`, { method: 'POST', headers: request.headers ?? {}, body: request.body ?? null });
      if (!response.ok) throw new Error(`Meilisearch ${name} multi-search: ${response.status} ${await response.text()}`);
    }
  }
  const n = queries.length;
  return {
    requests: { api, meiliSame: same, meiliPlain: plain } satisfies Record<SearchTarget, Req[]>,
    pipeline: { httpRequestsPerSearch: round(httpRequests / n), queriesPerSearch: round(sameQueries / n) },
    plain: { queriesPerSearch: round(plainQueries / n) },
  };
}

function medianFigures(list: LoadFigures[]): LoadFigures {
  const pick = (key: keyof LoadFigures) => round(median(list.map((f) => f[key])), key === 'rps' ? 1 : 3);
  return { p50: pick('p50'), p95: pick('p95'), p99: pick('p99'), mean: pick('mean'), rps: pick('rps') };
}

export interface MeasureSearchOptions {
  endpoints: SearchEndpoints;
  queries?: BenchQuery[];
  /** Concurrent connections to measure at (default 1, 8, 32). */
  connections?: number[];
  /** Rounds per concurrency (each round runs the three targets once). */
  rounds: number;
  /** Seconds per autocannon run. */
  durationSeconds: number;
  log?: (line: string) => void;
}

/** Latency and throughput at each concurrency, three targets side by side. */
export async function measureSearch(options: MeasureSearchOptions): Promise<SearchBench> {
  const { endpoints, rounds, durationSeconds } = options;
  const queries = options.queries ?? BENCH_QUERIES;
  const log = options.log ?? (() => {});
  const documents = ((await (await fetch(`${endpoints.apiUrl}/api/facets`)).json()) as { total: number }).total;
  const prepared = await prepareSearchRequests(endpoints, queries);
  const urls: Record<SearchTarget, string> = { api: endpoints.apiUrl, meiliSame: endpoints.meiliUrl, meiliPlain: endpoints.meiliUrl };
  // warm-up: JIT, sockets, Meilisearch caches
  for (const target of TARGETS) await runLoad(urls[target], prepared.requests[target], 4, Math.min(2, durationSeconds));

  const levels: SearchLevel[] = [];
  for (const connections of options.connections ?? [1, 8, 32]) {
    const perRound: Record<SearchTarget, LoadFigures>[] = [];
    for (let round = 0; round < rounds; round++) {
      const order = TARGETS.map((_, i) => TARGETS[(i + round) % TARGETS.length]!);
      const figures = {} as Record<SearchTarget, LoadFigures>;
      for (const target of order) figures[target] = await runLoad(urls[target], prepared.requests[target], connections, durationSeconds);
      perRound.push(figures);
      log(`search: ${connections} connections, round ${round + 1}/${rounds}: API ${figures.api.rps.toFixed(0)}/s p50 ${figures.api.p50.toFixed(2)} ms; Meilisearch same ${figures.meiliSame.rps.toFixed(0)}/s p50 ${figures.meiliSame.p50.toFixed(2)} ms; plain ${figures.meiliPlain.rps.toFixed(0)}/s p50 ${figures.meiliPlain.p50.toFixed(2)} ms`);
    }
    const ratio = (f: (r: Record<SearchTarget, LoadFigures>) => number) => round(median(perRound.map(f)), 2);
    levels.push({
      connections,
      api: medianFigures(perRound.map((r) => r.api)),
      meiliSame: medianFigures(perRound.map((r) => r.meiliSame)),
      meiliPlain: medianFigures(perRound.map((r) => r.meiliPlain)),
      ratios: {
        p50VsSame: ratio((r) => r.api.p50 / r.meiliSame.p50),
        throughputVsSame: ratio((r) => r.api.rps / r.meiliSame.rps),
        p50VsPlain: ratio((r) => r.api.p50 / r.meiliPlain.p50),
        throughputVsPlain: ratio((r) => r.api.rps / r.meiliPlain.rps),
        p50SameVsPlain: ratio((r) => r.meiliSame.p50 / r.meiliPlain.p50),
      },
      rounds: perRound.map((r) => Object.fromEntries(TARGETS.map((t) => [t, medianFigures([r[t]])])) as Record<SearchTarget, LoadFigures>),
    });
  }
  return { documents, queries, durationSeconds, rounds, levels, pipeline: prepared.pipeline, plain: prepared.plain };
}
