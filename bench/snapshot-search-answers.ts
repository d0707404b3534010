/**
 * Every search answer of a build, written down to be compared with another build's: a speed-up
 * of the search path must leave each answer byte-identical (body, status and the headers a
 * client reads). Starts the compiled service of `--root` (default: this checkout) on a copy of
 * an indexed DATA_DIR and sends the bench searches (`bench/search-queries.ts`), every query of
 * the dev and bench query sets as typed (and again as POST, and with `minMatch=strong`), page 2
 * and the newest-first sort of some, and a few invalid requests; writes one JSON line per request
 * to `--out`, without what differs between two identical answers (`processingTimeMs`, the request
 * id, `Date`, the rate limiter's remaining count).
 *
 *   npx tsx bench/snapshot-search-answers.ts --data-dir /tmp/indexed [--root /tmp/base] --out /tmp/after.jsonl
 *   cmp /tmp/before.jsonl /tmp/after.jsonl
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { BENCH_QUERIES, toApiPath, toSearchParams } from './search-queries.ts';
import { ROOT, startService } from './start-service.ts';

const { values } = parseArgs({
  options: {
    root: { type: 'string' },
    'data-dir': { type: 'string' },
    out: { type: 'string' },
    source: { type: 'string', default: path.resolve(ROOT, '../shared/corpus/sofastack.tech') },
  },
});
if (!values['data-dir'] || !values.out) {
  process.stderr.write('usage: npx tsx bench/snapshot-search-answers.ts --data-dir DIR --out FILE [--root DIR]\n');
  process.exit(2);
}

/** Query files of the relevance sets (paths from the repository root, or absolute). */
const QUERY_FILES = [
  path.resolve(ROOT, '../shared/gold/dev-queries.json'),
  path.resolve(ROOT, '../shared/gold/dev-queries-noanswer.json'),
  'scripts/relevance-extra-queries.json',
  'bench/queries/faq-queries.json',
  'bench/queries/issue-titles.json',
  'bench/queries/issue-titles-2.json',
  'bench/queries/issue-titles-check.json',
  'bench/queries/noanswer-issues.json',
];

/** Headers that differ between two identical answers. */
const VOLATILE_HEADERS = new Set(['date', 'x-request-id', 'ratelimit', 'keep-alive', 'connection']);
// content-length too: it counts the digits of processingTimeMs; so does a POST answer's ETag (Express's, of the whole body)

interface Probe {
  method: 'GET' | 'POST';
  path: string;
  body?: string;
  headers?: Record<string, string>;
}

function probes(): Probe[] {
  const list: Probe[] = BENCH_QUERIES.map((query) => ({ method: 'GET', path: toApiPath(toSearchParams(query.params)) }));
  const typed: string[] = [];
  for (const file of QUERY_FILES) {
    const full = path.resolve(ROOT, file);
    if (!fs.existsSync(full)) continue;
    for (const entry of JSON.parse(fs.readFileSync(full, 'utf8')) as { query: string }[]) typed.push(entry.query);
  }
  typed.forEach((q, i) => {
    const search = new URLSearchParams({ q });
    list.push({ method: 'GET', path: `/api/search?${search}` });
    list.push({ method: 'POST', path: '/api/search', body: JSON.stringify({ q }), headers: { 'content-type': 'application/json' } });
    if (i % 4 === 0) list.push({ method: 'GET', path: `/api/search?${new URLSearchParams({ q, minMatch: 'strong' })}` });
    if (i % 5 === 0) list.push({ method: 'GET', path: `/api/search?${new URLSearchParams({ q, page: '2' })}` });
    if (i % 7 === 0) list.push({ method: 'GET', path: `/api/search?${new URLSearchParams({ q, sort: 'newest', hitsPerPage: '5' })}` });
  });
  list.push(
    { method: 'GET', path: '/api/search?q=jraft&page=0' },
    { method: 'GET', path: '/api/search?q=jraft&nope=1' },
    { method: 'GET', path: '/api/search?q=jraft&year=abc' },
    { method: 'POST', path: '/api/search', body: '{"q": ', headers: { 'content-type': 'application/json' } },
    { method: 'POST', path: '/api/search', body: '{"q":"jraft","page":2}', headers: { 'content-type': 'application/json' } },
    { method: 'GET', path: '/api/search?q=jraft', headers: { origin: 'https://example.com' } },
    { method: 'GET', path: '/api/search?q=jraft', headers: { 'accept-encoding': 'gzip' } },
    { method: 'GET', path: '/api/search?q=', headers: { 'accept-encoding': 'br, gzip' } },
  );
  return list;
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'weekly-faq-snapshot-'));
execFileSync('cp', ['-a', `${path.resolve(values['data-dir'])}/.`, dataDir]);
for (const stale of ['service.lock', 'meili-runtime.json']) fs.rmSync(path.join(dataDir, stale), { force: true });
const service = await startService({ source: values.source, dataDir, ...(values.root ? { root: path.resolve(values.root) } : {}) });
const lines: string[] = [];
try {
  for (const probe of probes()) {
    const response = await fetch(`${service.url}${probe.path}`, { method: probe.method, headers: { 'accept-encoding': 'identity', ...probe.headers }, ...(probe.body !== undefined ? { body: probe.body } : {}) });
    const raw = Buffer.from(await response.arrayBuffer());
    const encoding = response.headers.get('content-encoding');
    // fetch decodes gzip and br itself: the body is the decoded text either way
    const text = raw.toString('utf8');
    let body: unknown = text;
    try {
      const parsed = JSON.parse(text) as Record<string, unknown>;
      delete parsed.processingTimeMs;
      body = parsed;
    } catch {
      // not JSON: kept as text
    }
    const headers = [...response.headers.entries()].filter(([name]) => !VOLATILE_HEADERS.has(name) && name !== 'content-length' && !(probe.method === 'POST' && name === 'etag')).sort(([a], [b]) => a.localeCompare(b));
    lines.push(JSON.stringify({ request: probe, status: response.status, headers, body }));
  }
} finally {
  await service.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
fs.writeFileSync(values.out, `${lines.join('\n')}\n`);
process.stderr.write(`${lines.length} answers written to ${values.out}\n`);
