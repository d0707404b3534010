// `npx tsx bench/measure-insights.ts` (PARTS=search,queries,bundles; ROUNDS=20): what the search insights cost.
// 1. Search p50 with insights on vs off, in one run: two apps on the same Meilisearch and
//    records (the real corpus when ../shared is there, else generated), requests alternating
//    between them over real HTTP on loopback.
// 2. The insight report's queries on 1,000,000 generated recorded searches.
// 3. The gzipped size of the page and widget bundles, this tree vs the commit given as BASE
//    (default: the branch point with main).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { createApp } from '../api/create-app.ts';
import { createMetrics } from '../api/create-metrics.ts';
import { createMeiliSearchBackend } from '../api/meili-search-backend.ts';
import { loadConfig } from '../src/config.ts';
import type { Request } from 'express';
import { recordSearchInsight } from '../api/record-search-insight.ts';
import { createInsights, type Insights } from '../src/insights/create-insights.ts';
import type { SearchEvent } from '../src/insights/insight-events.ts';
import { openInsightsDb } from '../src/insights/open-insights-db.ts';
import { queryInsights } from '../src/insights/query-insights.ts';
import { writeInsightEvents } from '../src/insights/write-insight-events.ts';
import { makeRecords } from '../tests/helpers/make-record.ts';
import { getProjectSynonyms } from '../src/search/get-project-synonyms.ts';
import { getIndexSettings as getRelevanceSettings } from '../src/search/index-settings.ts';
import { toIndexDocument } from '../src/search/to-index-document.ts';
import { startTestMeili } from '../tests/helpers/start-test-meili.ts';
import { BENCH_QUERIES, toApiPath, toSearchParams, toSearchRequestOf } from './search-queries.ts';
import { median, percentile, round } from './stats.ts';

const ROUNDS = Number(process.env.ROUNDS ?? 20);
const ROOT = path.resolve(import.meta.dirname, '..');

function get(port: number, url: string): Promise<number> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    http.get({ host: '127.0.0.1', port, path: url, headers: { 'Sec-Fetch-Site': 'same-origin' } }, (res) => {
      res.resume();
      res.on('end', () => (res.statusCode === 200 ? resolve(performance.now() - start) : reject(new Error(`${url}: ${res.statusCode}`))));
    }).on('error', reject);
  });
}

/** What the search route adds per search, in-process: the mapping, the secret check and the queue push (µs per call). */
function measureRecordCall(insights: Insights): number {
  const req = { get: (name: string) => (name === 'sec-fetch-site' ? 'same-origin' : undefined), log: console } as unknown as Request;
  const result = { totalHits: 12, hits: Array.from({ length: 10 }, () => ({ match: 'strong' })) };
  const n = 20_000;
  const start = performance.now();
  for (let i = 0; i < n; i++) recordSearchInsight(insights, req, toSearchRequestOf(toSearchParams({ q: `sofarpc 超时 ${i % 500}` })), result, 5);
  const us = ((performance.now() - start) * 1000) / n;
  insights.flush();
  return round(us, 2);
}

async function measureSearch(): Promise<Record<string, unknown>> {
  const meili = await startTestMeili();
  try {
    // as seedIndex, with the patience a loaded machine needs
    await meili.admin.createIndex('qa', { primaryKey: 'id' }).waitTask({ timeout: 300_000 });
    await meili.admin.index('qa').updateSettings(getRelevanceSettings(getProjectSynonyms())).waitTask({ timeout: 300_000 });
    await meili.admin.index('qa').addDocuments(makeRecords(2000).map(toIndexDocument)).waitTask({ timeout: 300_000 });
    const config = loadConfig({ DATA_DIR: meili.dataDir, LOG_LEVEL: 'silent', SEARCH_RATE_LIMIT: '0' });
    const backend = createMeiliSearchBackend({ connection: meili.connection, indexName: 'qa' });
    const insights = createInsights({ file: path.join(meili.dataDir, 'insights.sqlite') });
    const listen = (withInsights: boolean) => {
      const app = createApp({ backend, logger: meili.logger, config, metrics: createMetrics({ defaultMetrics: false }), insights: withInsights ? insights : undefined });
      const server = app.listen(0, '127.0.0.1');
      return new Promise<http.Server>((resolve) => server.once('listening', () => resolve(server)));
    };
    const [on, off] = await Promise.all([listen(true), listen(false)]);
    const ports = { on: (on.address() as AddressInfo).port, off: (off.address() as AddressInfo).port };
    const times: Record<'on' | 'off', number[]> = { on: [], off: [] };
    const ratios: number[] = []; // on/off of the same query in the same round: less noisy than two medians
    const paths = BENCH_QUERIES.map((q) => toApiPath(toSearchParams(q.params)));
    for (const p of paths) for (const port of [ports.off, ports.on]) await get(port, p); // warm up both
    for (let round = 0; round < ROUNDS; round++) {
      for (const [i, p] of paths.entries()) {
        // alternate which goes first, so neither always meets a warmer cache
        const order: ('on' | 'off')[] = (round + i) % 2 ? ['on', 'off'] : ['off', 'on'];
        for (const side of order) times[side].push(await get(ports[side], p));
        ratios.push(times.on.at(-1)! / times.off.at(-1)!);
      }
    }
    insights.flush();
    const report = await insights.query({ days: 1, limit: 1 });
    const recordCallUs = measureRecordCall(insights);
    on.close();
    off.close();
    insights.close();
    return {
      requestsEach: times.on.length,
      p50OffMs: round(median(times.off)), p50OnMs: round(median(times.on)),
      p90OffMs: round(percentile(times.off, 90)), p90OnMs: round(percentile(times.on, 90)),
      p50CostPercent: round(((median(times.on) - median(times.off)) / median(times.off)) * 100, 1),
      medianPairCostPercent: round((median(ratios) - 1) * 100, 1),
      recordCallUs,
      recorded: report.totals.searches,
    };
  } finally {
    await meili.stop();
  }
}

function generateSearches(file: string, count: number, now: number): number {
  const db = openInsightsDb(file);
  const words = ['sofarpc 超时', 'jraft 选举', 'mosn 内存', 'seata 回滚', 'sofaboot 启动', 'ark 插件', 'registry 推送', 'tracer 日志', 'layotto', 'nacos'];
  let seed = 42;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const start = performance.now();
  const batch: SearchEvent[] = [];
  for (let i = 0; i < count; i++) {
    // a long tail: ~20k distinct queries, a few very frequent; written in time order, as the service does
    const q = `${words[Math.floor(rand() ** 2 * words.length)]} ${Math.floor(rand() ** 3 * 2000)}`;
    const hits = rand() < 0.1 ? 0 : Math.floor(rand() * 40);
    batch.push({
      kind: 'search', ts: now - Math.floor((1 - i / count) * 90 * 86_400_000), query: q, filters: null, hits, strongHits: hits ? Math.floor(rand() * 3) : 0,
      project: rand() < 0.5 ? null : ['SOFARPC', 'MOSN', 'SOFAJRaft', 'Seata'][Math.floor(rand() * 4)]!, latencyMs: 5, client: rand() < 0.6 ? 'page' : 'widget',
      origin: null,
    });
    if (batch.length === 10_000) writeInsightEvents(db, batch.splice(0));
  }
  if (batch.length) writeInsightEvents(db, batch);
  db.close();
  return performance.now() - start;
}

function measureQueries(): Record<string, unknown> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weekly-faq-insights-bench-'));
  try {
    const file = path.join(dir, 'insights.sqlite');
    const now = Date.now();
    const writeMs = generateSearches(file, 1_000_000, now);
    const db = openInsightsDb(file);
    const result: Record<string, unknown> = { rows: 1_000_000, generateMs: Math.round(writeMs), fileMB: round(fs.statSync(file).size / 2 ** 20, 1) };
    for (const days of [7, 30, 90]) {
      const times: number[] = [];
      for (let i = 0; i < 3; i++) {
        const start = performance.now();
        queryInsights(db, { days, now });
        times.push(performance.now() - start);
      }
      result[`report${days}dMs`] = Math.round(median(times));
    }
    db.close();
    return result;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function gzSize(srcDir: string, entry: string, format: 'esm' | 'iife'): Promise<number> {
  const result = await build({
    entryPoints: [path.join(srcDir, entry)], bundle: true, minify: true, write: false, format, target: ['chrome100', 'firefox100', 'safari15', 'edge100'],
    legalComments: 'none', logLevel: 'silent', charset: 'utf8', loader: { '.css': 'text' },
  });
  return gzipSync(result.outputFiles[0]!.contents, { level: 9 }).length;
}

async function measureBundles(): Promise<Record<string, unknown>> {
  const base = process.env.BASE ?? execFileSync('git', ['merge-base', 'HEAD', 'main'], { cwd: ROOT, encoding: 'utf8' }).trim();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weekly-faq-bundle-base-'));
  try {
    execFileSync('sh', ['-c', `git archive ${base} web api src | tar -x -C ${dir}`], { cwd: ROOT });
    const out: Record<string, unknown> = { base: base.slice(0, 7) };
    for (const [name, entry, format] of [['pageJs', 'page/main.ts', 'esm'], ['pageCss', 'page/page.css', 'esm'], ['widgetJs', 'widget/main.ts', 'iife']] as const) {
      const before = entry.endsWith('.css') ? gzipSync(fs.readFileSync(path.join(dir, 'web/src', entry)), { level: 9 }).length : await gzSize(path.join(dir, 'web/src'), entry, format);
      const after = entry.endsWith('.css') ? gzipSync(fs.readFileSync(path.join(ROOT, 'web/src', entry)), { level: 9 }).length : await gzSize(path.join(ROOT, 'web/src'), entry, format);
      out[name] = { beforeGz: before, afterGz: after, growthGz: after - before };
    }
    out.adminJsGz = await gzSize(path.join(ROOT, 'web/src'), 'admin/main.ts', 'esm');
    return out;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// PARTS=search (or bundles, queries, comma-separated) runs some parts only
const parts = (process.env.PARTS ?? 'bundles,queries,search').split(',');
if (parts.includes('bundles')) console.log(JSON.stringify({ bundles: await measureBundles() }, null, 2));
if (parts.includes('queries')) console.log(JSON.stringify({ queries: measureQueries() }, null, 2));
if (parts.includes('search')) console.log(JSON.stringify({ search: await measureSearch() }, null, 2));
process.exit(0);
