/**
 * A tiny search API for relevance measurements: loads extracted records into a fresh index with
 * the index settings, then answers `GET /api/search?q=&hitsPerPage=&page=` with `searchWithVariants`
 * (the search core, plus the strategies only experiments use).
 *
 *   npx tsx scripts/relevance-server.ts [records.jsonl] [--port 7700]
 *   python3 ../shared/tools/relevance.py api http://127.0.0.1:PORT
 *
 * Meilisearch: `MEILI_URL` and `MEILI_MASTER_KEY` name a running server; without them the
 * project's embedded launcher starts one on a temporary data directory (removed on exit).
 * Records default to `/tmp/records.jsonl`; the index is `RELEVANCE_INDEX` (default `qa_relevance`).
 */
import fs from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { Meilisearch } from 'meilisearch';
import { createLogger } from '../src/logger.ts';
import { startEmbeddedMeili } from '../src/meili/embedded-meili.ts';
import { searchWithVariants, type ExperimentSearchOptions } from './search-with-variants.ts';
import { loadIndex, readRecords } from './relevance-load-index.ts';
import type { Index } from 'meilisearch';

/** Answer one request: `/api/search` with `q`, `hitsPerPage` (default 10), `page` (default 1). */
export function createSearchHandler(index: Index, options: ExperimentSearchOptions = {}): http.RequestListener {
  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(body));
    };
    if (url.pathname !== '/api/search') return send(404, { code: 'not-found', message: `No route ${url.pathname}` });
    const hitsPerPage = Number(url.searchParams.get('hitsPerPage') ?? 10);
    const page = Number(url.searchParams.get('page') ?? 1);
    searchWithVariants(index, { q: url.searchParams.get('q') ?? '', hitsPerPage, page }, options).then(
      (result) => send(200, result),
      (error: unknown) => send(error instanceof RangeError ? 400 : 500, { code: 'search-failed', message: String(error) }),
    );
  };
}

async function main(argv: string[]): Promise<void> {
  const portAt = argv.indexOf('--port');
  const port = portAt >= 0 ? Number(argv[portAt + 1]) : 0;
  const file = argv.find((arg, i) => !arg.startsWith('--') && argv[i - 1] !== '--port') ?? '/tmp/records.jsonl';
  const records = await readRecords(file);
  const logger = createLogger({ level: process.env.LOG_LEVEL ?? 'warn', fd: 2, pretty: false });

  let stopMeili = async () => {};
  let host = process.env.MEILI_URL;
  let apiKey = process.env.MEILI_MASTER_KEY;
  if (!host) {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'relevance-server-'));
    const meili = await startEmbeddedMeili({ dataDir, logger, restart: false });
    host = meili.url;
    apiKey = meili.masterKey;
    stopMeili = async () => {
      await meili.stop();
      await fs.rm(dataDir, { recursive: true, force: true });
    };
  }
  const client = new Meilisearch({ host, ...(apiKey ? { apiKey } : {}) });
  const started = Date.now();
  const index = await loadIndex(client, process.env.RELEVANCE_INDEX ?? 'qa_relevance', records);
  const server = http.createServer(createSearchHandler(index));
  server.listen(port, '127.0.0.1', () => {
    const address = server.address();
    const actual = typeof address === 'object' && address ? address.port : port;
    console.log(`relevance-server: ${records.length} records from ${file} indexed in ${Date.now() - started} ms; http://127.0.0.1:${actual}/api/search?q=`);
  });
  const shutdown = () => {
    server.close();
    void stopMeili().finally(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('relevance-server.ts')) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
