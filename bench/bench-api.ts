// API overhead over Meilisearch: the same searches through `GET /api/search` and as the exact
// replay of the requests the API sends Meilisearch, at 1 connection and at --connections.
// Goals (issue 13): p50 API/replay <= 1.15 at 1 connection; throughput >= 0.9 at 32; the empty
// query <= 1.3.
//
//   npm run bench:api [-- --source <corpus>] [--duration 10] [--connections 32] [--rounds 3]
//
// The API runs the relevance pipeline (several Meilisearch queries per search), so Meilisearch
// is measured two ways (see bench/measure-search.ts): the exact replay (the ratio the targets are
// read on), and a plain search. The service runs compiled, as `npm start` does (dist/api/main.js,
// own process, info logging, rate limiter on) on a temporary DATA_DIR after
// indexing --source (default ../shared/corpus/sofastack.tech, else WEEKLY_SOURCE). Results go to
// stdout and to bench/out/api-<time>.json. `npm run bench` runs the same measurement at 1, 8 and 32.
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { measureSearch } from './measure-search.ts';
import { ROOT, startService } from './start-service.ts';

const DEFAULT_SOURCE = path.resolve(ROOT, '../shared/corpus/sofastack.tech');

const { values } = parseArgs({
  options: {
    source: { type: 'string' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '32' },
    rounds: { type: 'string', default: '3' },
  },
});
const source = values.source ?? (existsSync(DEFAULT_SOURCE) ? DEFAULT_SOURCE : process.env.WEEKLY_SOURCE);
if (!source) {
  process.stderr.write('bench:api: no corpus: pass --source <folder> (or set WEEKLY_SOURCE)\n');
  process.exit(2);
}
const connections = Number(values.connections);

process.stderr.write(`Indexing ${source} and starting the service...\n`);
const service = await startService({ source, stderr: 'inherit' });
process.once('SIGINT', () => void service.stop({ removeData: true }).then(() => process.exit(130)));
try {
  const results = await measureSearch({
    endpoints: { apiUrl: service.url, meiliUrl: service.meiliUrl, searchKey: service.searchKey },
    connections: [...new Set([1, connections])],
    rounds: Number(values.rounds),
    durationSeconds: Number(values.duration),
    log: (line) => process.stderr.write(`${line}\n`),
  });
  const ms = (v: number) => `${v.toFixed(2).padStart(7)} ms`;
  const lines = [`${results.documents} documents, ${results.queries.length} queries, ${os.cpus().length} cores; `
    + `the API sends ${results.pipeline.httpRequestsPerSearch} requests (${results.pipeline.queriesPerSearch} queries) to Meilisearch per search`];
  for (const level of results.levels) {
    lines.push(
      `${level.connections} connection(s), medians of ${results.rounds} rounds of ${results.durationSeconds} s:`,
      `  API                        p50 ${ms(level.api.p50)}  p99 ${ms(level.api.p99)}  ${level.api.rps.toFixed(0).padStart(6)} searches/s`,
      `  Meilisearch, exact replay  p50 ${ms(level.meiliReplay.p50)}  p99 ${ms(level.meiliReplay.p99)}  ${level.meiliReplay.rps.toFixed(0).padStart(6)} searches/s`,
      `  Meilisearch, plain search  p50 ${ms(level.meiliPlain.p50)}  p99 ${ms(level.meiliPlain.p99)}  ${level.meiliPlain.rps.toFixed(0).padStart(6)} searches/s`,
      `  API / exact replay: p50 ${level.ratios.p50VsReplay}, throughput ${level.ratios.throughputVsReplay}; API / plain: p50 ${level.ratios.p50VsPlain}, throughput ${level.ratios.throughputVsPlain}`,
    );
  }
  const first = results.levels[0];
  const last = results.levels.at(-1);
  if (first && last) {
    lines.push(`p50 latency ratio API/exact replay (1 connection): ${first.ratios.p50VsReplay} (goal <= 1.15)`);
    lines.push(`throughput ratio at ${last.connections} connections (exact replay): ${last.ratios.throughputVsReplay} (goal >= 0.9)`);
  }
  if (results.emptyQuery) lines.push(`the empty query, p50 API/exact replay (1 connection): ${results.emptyQuery.p50VsReplay} (goal <= 1.3)`);
  process.stdout.write(`${lines.join('\n')}\n`);
  const outDir = path.join(ROOT, 'bench/out');
  await fs.mkdir(outDir, { recursive: true });
  const file = path.join(outDir, `api-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  await fs.writeFile(file, `${JSON.stringify({ at: new Date().toISOString(), cpus: os.cpus().length, node: process.version, source, ...results }, null, 2)}\n`);
  process.stderr.write(`Written to ${path.relative(process.cwd(), file)}\n`);
} finally {
  await service.stop({ removeData: true });
}
