/**
 * Search latency and throughput: the API against Meilisearch answering exactly the requests the
 * API sends it, side by side.
 *
 * Three targets, each given the fixed list of searches (bench/search-queries.ts), cycled by every
 * connection, all driven by the same load generator (bench/run-search-load.ts: one search = its
 * requests, timed from the first to the last answer):
 * - `api`: `GET /api/search` on the running service (the relevance pipeline), with the production
 *   defaults: info logging to a pipe, the rate limiter on (its limit raised out of reach).
 * - `meiliReplay`: the exact replay of what the API sends Meilisearch for that search, recorded
 *   from the API's own backend code: the same requests and bodies and headers, the same
 *   concurrency (alone in flight, the API splits its multi-search into concurrent requests; while
 *   other searches are in flight it sends one; the replay follows the same rule), and the
 *   dependent fetch of page documents after them. API/replay is the cost of the service itself
 *   (the HTTP hop, Express, logging, rate limiting, fusion, highlights, JSON) over the Meilisearch
 *   work it waits for.
 * - `meiliPlain`: one plain Meilisearch multi-search per search (the page of hits with
 *   highlights and facets, plus a count query per filtered facet: `buildPlainQueries`),
 *   i.e. what a bare Meilisearch search costs. API/plain is the whole cost of the pipeline.
 *
 * Every round runs the targets back to back (in a rotating order) at each concurrency, and ratios
 * are taken within a round; figures and ratios are medians over the rounds. The empty query (the
 * page's first screen) is measured on its own at 1 connection too.
 */
import type { MultiSearchQuery } from 'meilisearch';
import { createMeiliSearchBackend } from '../api/meili-search-backend.ts';
import { createNodeHttpClient, type MeiliHttpClient } from '../api/create-node-http-client.ts';
import { createMeiliTransport, type MeiliTransport } from '../src/meili/create-meili-transport.ts';
import { buildPlainQueries } from './build-plain-queries.ts';
import { runSearchLoad, type LoadFigures, type LoadSearch, type Req, type SearchPhases } from './run-search-load.ts';
import { BENCH_QUERIES, toApiPath, toSearchParams, toSearchRequestOf, type BenchQuery, type SearchParams } from './search-queries.ts';
import { median, round } from './stats.ts';

export type { LoadFigures, Req } from './run-search-load.ts';

export const TARGETS = ['api', 'meiliReplay', 'meiliPlain'] as const;
export type SearchTarget = (typeof TARGETS)[number];

export interface SearchRatios {
  /** API p50 / exact replay p50 (issue 13's goal: <= 1.15 at 1 connection). */
  p50VsReplay: number;
  /** API searches/s / exact replay searches/s (goal: >= 0.9 at 32 connections). */
  throughputVsReplay: number;
  /** API p50 / plain Meilisearch search p50: the whole cost of the pipeline. */
  p50VsPlain: number;
  throughputVsPlain: number;
  /** Replay p50 / plain p50: the pipeline's extra queries, in Meilisearch alone. */
  p50ReplayVsPlain: number;
}

export interface SearchLevel {
  connections: number;
  /** Medians over the rounds. */
  api: LoadFigures;
  meiliReplay: LoadFigures;
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
  /** The empty query alone (no filter), 1 connection: API and its replay. */
  emptyQuery: { api: LoadFigures; meiliReplay: LoadFigures; p50VsReplay: number; throughputVsReplay: number } | null;
  /** Mean per search alone in flight: HTTP requests the API sends to Meilisearch, queries in them, and how many searches need a second round trip. */
  pipeline: { httpRequestsPerSearch: number; queriesPerSearch: number; dependentFetchShare: number };
  /** Meilisearch queries per search of the plain form. */
  plain: { queriesPerSearch: number };
}

export interface SearchEndpoints {
  /** The service, `http://127.0.0.1:PORT`. */
  apiUrl: string;
  meiliUrl: string;
  searchKey: string;
  indexName?: string;
}

/** Request headers as recorded: a plain object with lower-case names. */
function toHeaders(init: HeadersInit | undefined): Record<string, string> {
  return Object.fromEntries([...new Headers(init).entries()]);
}

/**
 * The requests the API's backend sends to Meilisearch for one search, recorded from its own code,
 * in phases: a request joins the phase of the answers that had arrived when it was sent (requests
 * sent together form one phase; the page fetch, sent after the multi-search answered, the next).
 * `busy`: as the API sends it while other searches are in flight.
 */
export async function recordPipelineRequests(endpoints: SearchEndpoints, params: SearchParams, options: { busy?: boolean } = {}): Promise<{ phases: SearchPhases; hitIds: string[] }> {
  const base = createNodeHttpClient();
  const recorded: { answered: number; req: Req }[] = [];
  let answered = 0;
  const recorder: MeiliHttpClient = (input, init = {}) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    recorded.push({ answered, req: { method: init.method ?? 'GET', path: url.pathname + url.search, headers: toHeaders(init.headers), ...(typeof init.body === 'string' ? { body: init.body } : {}) } });
    return base(input, init).finally(() => (answered += 1));
  };
  // searches go on the backend's own transport: recorded as sent, headers included
  const createTransport: typeof createMeiliTransport = (transportOptions) => {
    const transport = createMeiliTransport(transportOptions);
    const prefix = new URL(transportOptions.url).pathname.replace(/\/?$/, '/');
    return {
      headers: transport.headers,
      close: () => transport.close(),
      post: (path, body) => {
        recorded.push({ answered, req: { method: 'POST', path: `${prefix}${path}`, headers: { ...transport.headers }, body } });
        return transport.post(path, body).finally(() => (answered += 1));
      },
    } satisfies MeiliTransport;
  };
  const backend = createMeiliSearchBackend({
    connection: { url: endpoints.meiliUrl, searchKey: endpoints.searchKey }, indexName: endpoints.indexName ?? 'qa', httpClient: recorder, createTransport,
    ...(options.busy ? { idleSearchRequests: 1 } : {}),
  });
  const result = await backend.search(toSearchRequestOf(params));
  const phases = new Map<number, Req[]>();
  for (const { answered: at, req } of recorded) phases.set(at, [...(phases.get(at) ?? []), req]);
  return { phases: [...phases.values()], hitIds: result.hits.map((hit) => hit.id) };
}

function multiSearchRequest(queries: MultiSearchQuery[], searchKey: string): Req {
  return {
    method: 'POST',
    path: '/multi-search',
    headers: { authorization: `Bearer ${searchKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ queries }),
  };
}

const once = (req: Req): LoadSearch => ({ idle: [[req]], busy: [[req]] });

/** The searches of each target, checked: every request answers 200, and the API's page is the pipeline's. */
export async function prepareSearchRequests(endpoints: SearchEndpoints, queries: BenchQuery[] = BENCH_QUERIES, options: { onDisagreement?: (path: string) => void } = {}) {
  const indexName = endpoints.indexName ?? 'qa';
  const api: LoadSearch[] = [];
  const replay: LoadSearch[] = [];
  const plain: LoadSearch[] = [];
  let httpRequests = 0;
  let replayQueries = 0;
  let dependent = 0;
  let plainQueries = 0;
  for (const query of queries) {
    const params = toSearchParams(query.params);
    const path = toApiPath(params);
    const response = await fetch(`${endpoints.apiUrl}${path}`);
    if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
    const viaApi = (await response.json()) as { hits: { id: string }[] };
    const idle = await recordPipelineRequests(endpoints, params);
    const busy = await recordPipelineRequests(endpoints, params, { busy: true });
    for (const recorded of [idle, busy]) {
      if (viaApi.hits.map((h) => h.id).join() === recorded.hitIds.join()) continue;
      // another build (bench/compare-search-builds.ts) may rank differently: its replay is then this checkout's requests
      if (!options.onDisagreement) throw new Error(`the API and its recorded pipeline disagree on ${path}`);
      options.onDisagreement(path);
      break;
    }
    const plainQueriesOf = buildPlainQueries(indexName, toSearchRequestOf(params));
    api.push(once({ method: 'GET', path }));
    replay.push({ idle: idle.phases, busy: busy.phases });
    plain.push(once(multiSearchRequest(plainQueriesOf, endpoints.searchKey)));
    const idleRequests = idle.phases.flat();
    httpRequests += idleRequests.length;
    replayQueries += idleRequests.reduce((n, req) => n + ((JSON.parse(req.body ?? '{}') as { queries?: unknown[] }).queries?.length ?? 1), 0);
    dependent += idle.phases.length > 1 ? 1 : 0;
    plainQueries += plainQueriesOf.length;
  }
  for (const search of [...replay, ...plain]) {
    for (const request of [...search.idle.flat(), ...search.busy.flat()]) {
      const response = await fetch(`${endpoints.meiliUrl}${request.path}`, { method: request.method, headers: request.headers ?? {}, body: request.body ?? null });
      if (!response.ok) throw new Error(`Meilisearch ${request.method} ${request.path}: ${response.status} ${await response.text()}`);
    }
  }
  const n = queries.length;
  return {
    searches: { api, meiliReplay: replay, meiliPlain: plain } satisfies Record<SearchTarget, LoadSearch[]>,
    pipeline: { httpRequestsPerSearch: round(httpRequests / n), queriesPerSearch: round(replayQueries / n), dependentFetchShare: round(dependent / n) },
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
  /** Seconds per target and round (issue 13: 10 s or more for the report). */
  durationSeconds: number;
  log?: (line: string) => void;
}

/** Latency and throughput at each concurrency, the targets side by side, then the empty query alone. */
export async function measureSearch(options: MeasureSearchOptions): Promise<SearchBench> {
  const { endpoints, rounds, durationSeconds } = options;
  const queries = options.queries ?? BENCH_QUERIES;
  const log = options.log ?? (() => {});
  const documents = ((await (await fetch(`${endpoints.apiUrl}/api/facets`)).json()) as { total: number }).total;
  const prepared = await prepareSearchRequests(endpoints, queries);
  const origins: Record<SearchTarget, string> = { api: endpoints.apiUrl, meiliReplay: endpoints.meiliUrl, meiliPlain: endpoints.meiliUrl };
  const run = (target: SearchTarget, searches: LoadSearch[], connections: number, seconds: number) =>
    runSearchLoad({ origin: origins[target], searches, connections, seconds });
  // warm-up: JIT, sockets, Meilisearch caches
  for (const target of TARGETS) await run(target, prepared.searches[target], 4, Math.min(2, durationSeconds));

  const levels: SearchLevel[] = [];
  for (const connections of options.connections ?? [1, 8, 32]) {
    const perRound: Record<SearchTarget, LoadFigures>[] = [];
    for (let i = 0; i < rounds; i++) {
      const order = TARGETS.map((_, t) => TARGETS[(t + i) % TARGETS.length]!);
      const figures = {} as Record<SearchTarget, LoadFigures>;
      for (const target of order) figures[target] = await run(target, prepared.searches[target], connections, durationSeconds);
      perRound.push(figures);
      log(`search: ${connections} connections, round ${i + 1}/${rounds}: API ${figures.api.rps.toFixed(0)}/s p50 ${figures.api.p50.toFixed(2)} ms; exact replay ${figures.meiliReplay.rps.toFixed(0)}/s p50 ${figures.meiliReplay.p50.toFixed(2)} ms; plain ${figures.meiliPlain.rps.toFixed(0)}/s p50 ${figures.meiliPlain.p50.toFixed(2)} ms`);
    }
    const ratio = (f: (r: Record<SearchTarget, LoadFigures>) => number) => round(median(perRound.map(f)), 2);
    levels.push({
      connections,
      api: medianFigures(perRound.map((r) => r.api)),
      meiliReplay: medianFigures(perRound.map((r) => r.meiliReplay)),
      meiliPlain: medianFigures(perRound.map((r) => r.meiliPlain)),
      ratios: {
        p50VsReplay: ratio((r) => r.api.p50 / r.meiliReplay.p50),
        throughputVsReplay: ratio((r) => r.api.rps / r.meiliReplay.rps),
        p50VsPlain: ratio((r) => r.api.p50 / r.meiliPlain.p50),
        throughputVsPlain: ratio((r) => r.api.rps / r.meiliPlain.rps),
        p50ReplayVsPlain: ratio((r) => r.meiliReplay.p50 / r.meiliPlain.p50),
      },
      rounds: perRound.map((r) => Object.fromEntries(TARGETS.map((t) => [t, medianFigures([r[t]])])) as Record<SearchTarget, LoadFigures>),
    });
  }

  let emptyQuery: SearchBench['emptyQuery'] = null;
  const empty = queries.findIndex((query) => !query.params.q && !query.params.projects?.length && !query.params.years?.length);
  if (empty >= 0) {
    const pairs: { api: LoadFigures; meiliReplay: LoadFigures }[] = [];
    for (let i = 0; i < rounds; i++) {
      const api = () => run('api', [prepared.searches.api[empty]!], 1, durationSeconds);
      const replay = () => run('meiliReplay', [prepared.searches.meiliReplay[empty]!], 1, durationSeconds);
      const pair = i % 2 ? { meiliReplay: await replay(), api: await api() } : { api: await api(), meiliReplay: await replay() };
      pairs.push(pair);
      log(`search: the empty query, round ${i + 1}/${rounds}: API p50 ${pair.api.p50.toFixed(2)} ms; exact replay p50 ${pair.meiliReplay.p50.toFixed(2)} ms`);
    }
    emptyQuery = {
      api: medianFigures(pairs.map((p) => p.api)),
      meiliReplay: medianFigures(pairs.map((p) => p.meiliReplay)),
      p50VsReplay: round(median(pairs.map((p) => p.api.p50 / p.meiliReplay.p50)), 2),
      throughputVsReplay: round(median(pairs.map((p) => p.api.rps / p.meiliReplay.rps)), 2),
    };
  }
  return { documents, queries, durationSeconds, rounds, levels, emptyQuery, pipeline: prepared.pipeline, plain: prepared.plain };
}
