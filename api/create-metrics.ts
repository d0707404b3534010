import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { ReindexSchedulerStatus } from '../indexer/load/reindex-scheduler.ts';

/** The service's Prometheus metrics, in their own registry (so tests can build several apps). */
export interface ApiMetrics {
  registry: Registry;
  /** Requests by method, route (the route pattern, `unmatched` otherwise) and status. */
  httpRequests: Counter<'method' | 'route' | 'status'>;
  httpRequestDuration: Histogram<'method' | 'route' | 'status'>;
  /** Time spent in the search backend per `/api/search`, by outcome (`ok`, `error`). */
  searchDuration: Histogram<'outcome'>;
  /** Documents in the live index at the last scrape (-1 when Meilisearch did not answer). */
  indexDocuments: Gauge;
  /** Unix time the last reindex finished. */
  reindexLastRunTimestamp: Gauge;
  /** 1 for the outcome of the last reindex, 0 for the others. */
  reindexLastRunOutcome: Gauge<'outcome'>;
  reindexLastRunDuration: Gauge;
  /**
   * With MEILI_REPLICAS: 1 for the outcome of the last reindex on each replica (label `replica`:
   * its URL). A failed replica keeps serving its previous index, so the run as a whole only
   * fails when every replica does: this is the gauge to alert on.
   */
  reindexReplicaOutcome: Gauge<'replica' | 'outcome'>;
  /** Set the gauges that mirror state (index size, last reindex) just before a scrape. */
  refresh(state: { documents: number | null; reindex: ReindexSchedulerStatus | null }): void;
}

const OUTCOMES = ['succeeded', 'skipped', 'failed'] as const;

/**
 * Create the metrics (prefix `weekly_faq_`), plus Node's default process metrics.
 *
 * @see https://github.com/siimon/prom-client#readme
 */
export function createMetrics(options: { defaultMetrics?: boolean } = {}): ApiMetrics {
  const registry = new Registry();
  if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: registry, prefix: 'weekly_faq_' });
  const registers = [registry];
  const httpRequests = new Counter({ name: 'weekly_faq_http_requests_total', help: 'HTTP requests by method, route and status', labelNames: ['method', 'route', 'status'] as const, registers });
  const httpRequestDuration = new Histogram({
    name: 'weekly_faq_http_request_duration_seconds', help: 'HTTP request latency by method, route and status',
    labelNames: ['method', 'route', 'status'] as const, buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5], registers,
  });
  const searchDuration = new Histogram({
    name: 'weekly_faq_search_duration_seconds', help: 'Search backend latency per /api/search (Meilisearch round trip included)',
    labelNames: ['outcome'] as const, buckets: [0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5], registers,
  });
  const indexDocuments = new Gauge({ name: 'weekly_faq_index_documents', help: 'Documents in the live index (-1: Meilisearch did not answer)', registers });
  const reindexLastRunTimestamp = new Gauge({ name: 'weekly_faq_reindex_last_run_timestamp_seconds', help: 'Unix time the last reindex finished (0: none yet)', registers });
  const reindexLastRunOutcome = new Gauge({ name: 'weekly_faq_reindex_last_run_outcome', help: '1 for the outcome of the last reindex', labelNames: ['outcome'] as const, registers });
  const reindexLastRunDuration = new Gauge({ name: 'weekly_faq_reindex_last_run_duration_seconds', help: 'Duration of the last reindex', registers });
  const reindexReplicaOutcome = new Gauge({ name: 'weekly_faq_reindex_replica_outcome', help: '1 for the outcome of the last reindex on each Meilisearch replica', labelNames: ['replica', 'outcome'] as const, registers });
  return {
    registry, httpRequests, httpRequestDuration, searchDuration, indexDocuments,
    reindexLastRunTimestamp, reindexLastRunOutcome, reindexLastRunDuration, reindexReplicaOutcome,
    refresh({ documents, reindex }) {
      indexDocuments.set(documents ?? -1);
      const last = reindex?.lastRun ?? null;
      reindexLastRunTimestamp.set(last ? Date.parse(last.finishedAt) / 1000 : 0);
      reindexLastRunDuration.set(last ? (Date.parse(last.finishedAt) - Date.parse(last.startedAt)) / 1000 : 0);
      for (const outcome of OUTCOMES) reindexLastRunOutcome.set({ outcome }, last?.outcome === outcome ? 1 : 0);
      // A run that threw before reaching the replicas leaves the per-replica gauges as they were.
      const replicas = (last?.report as { replicas?: { url: string; outcome: string }[] } | null)?.replicas;
      if (replicas?.length) {
        reindexReplicaOutcome.reset();
        for (const replica of replicas) {
          for (const outcome of OUTCOMES) reindexReplicaOutcome.set({ replica: replica.url, outcome }, replica.outcome === outcome ? 1 : 0);
        }
      }
    },
  };
}
