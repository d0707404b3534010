/**
 * A closed-loop load generator for searches that are more than one HTTP request: each of
 * `connections` loops sends one search after another and times it from its first request to the
 * end of its last answer. A search is a list of phases: the requests of a phase go out
 * together, the next phase after all of them answered (the API's page fetch depends on its
 * multi-search). The API itself is measured with the same code (one phase, one GET), so both
 * sides of a ratio pay the same client costs.
 */
import http from 'node:http';
import { percentile } from './stats.ts';

export interface Req {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

/** One search as sent: phases of concurrent requests, in order. */
export type SearchPhases = Req[][];

/** What a client sends for one search, alone in flight (`idle`) or while others are (`busy`). */
export interface LoadSearch {
  idle: SearchPhases;
  busy: SearchPhases;
}

/** Latencies in ms (per search), throughput in searches/s. */
export interface LoadFigures {
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  rps: number;
}

function send(agent: http.Agent, origin: URL, req: Req): Promise<number> {
  return new Promise((resolve, reject) => {
    const headers = { ...req.headers };
    if (req.body !== undefined) headers['content-length'] = String(Buffer.byteLength(req.body));
    const request = http.request({ host: origin.hostname, port: origin.port, method: req.method, path: req.path, headers, agent }, (res) => {
      res.on('data', () => {}).on('end', () => resolve(res.statusCode ?? 0)).on('error', reject);
    });
    request.on('error', reject);
    request.end(req.body);
  });
}

/**
 * Run `searches` (cycled; each connection starts at its own offset) on `connections` loops for
 * `seconds`. A search is sent in its `idle` form when no other search of this run is in flight,
 * as the API decides for its own Meilisearch requests. Throws on any non-2xx answer.
 */
export async function runSearchLoad(options: { origin: string; searches: LoadSearch[]; connections: number; seconds: number }): Promise<LoadFigures> {
  const origin = new URL(options.origin);
  const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
  const times: number[] = [];
  let inFlight = 0;
  let failure: string | null = null;
  const started = performance.now();
  const deadline = started + options.seconds * 1000;
  const loop = async (offset: number) => {
    for (let i = offset; performance.now() < deadline && !failure; i++) {
      const search = options.searches[i % options.searches.length]!;
      const phases = inFlight === 0 ? search.idle : search.busy;
      inFlight += 1;
      const start = performance.now();
      try {
        for (const phase of phases) {
          const statuses = await Promise.all(phase.map((req) => send(agent, origin, req)));
          const bad = statuses.find((status) => status < 200 || status >= 300);
          if (bad !== undefined) failure = `${bad} from ${origin.origin}${phase[statuses.indexOf(bad)]!.path}`;
        }
      } finally {
        inFlight -= 1;
      }
      times.push(performance.now() - start);
    }
  };
  try {
    await Promise.all(Array.from({ length: options.connections }, (_, c) => loop(Math.floor((c * options.searches.length) / options.connections))));
  } finally {
    agent.destroy();
  }
  if (failure) throw new Error(`runSearchLoad: ${failure}`);
  const elapsed = (performance.now() - started) / 1000;
  return {
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    mean: times.reduce((a, b) => a + b, 0) / times.length,
    rps: times.length / elapsed,
  };
}
