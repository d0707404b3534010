// Replicas behind HAProxy (issue 16), on this machine: three embedded Meilisearch replicas and
// HAProxy (scripts/start-replicas.ts), the corpus reindexed on all three, then
//  1. failover: --rate searches/s through HAProxy for --duration s; one replica SIGKILLed at
//     a quarter of the run and restarted at two thirds: failed searches, p50/p99/max;
//  2. throughput at --connections (closed loop, bench/run-search-load.ts; any non-2xx fails the run) through HAProxy with 1, 2, 3 replicas in rotation (the
//     others in maintenance), beside the same load straight to one replica (no HAProxy);
//  3. memory (RSS) and disk of each replica.
// Plain Meilisearch searches with the search-only key (bench/search-queries.ts' texts).
//
//   node --import tsx bench/measure-replicas.ts [--source ../shared/corpus/sofastack.tech] [--rate 50] [--duration 60] [--connections 32] [--seconds 10]
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createReindexJob } from '../indexer/load/create-reindex-job.ts';
import type { ReplicasReindexReport } from '../indexer/load/reindex-replicas.ts';
import { startReplicas } from '../scripts/start-replicas.ts';
import { loadConfig } from '../src/config.ts';
import { createLogger } from '../src/logger.ts';
import { connectMeili } from '../src/meili/connect-meili.ts';
import { runSearchLoad } from './run-search-load.ts';
import { BENCH_QUERIES } from './search-queries.ts';
import { percentile, round } from './stats.ts';

const { values } = parseArgs({ options: {
  source: { type: 'string', default: '../shared/corpus/sofastack.tech' },
  rate: { type: 'string', default: '50' },
  duration: { type: 'string', default: '60' },
  connections: { type: 'string', default: '32' },
  seconds: { type: 'string', default: '10' },
} });
const rate = Number(values.rate);
const duration = Number(values.duration);
const connections = Number(values.connections);
const seconds = Number(values.seconds);
const source = existsSync(values.source!) ? path.resolve(values.source!) : path.resolve('samples/posts');
const texts = [...new Set(BENCH_QUERIES.map((q) => q.params.q ?? ''))];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const log = (line: string) => process.stdout.write(`${line}\n`);

const set = await startReplicas({ count: 3, haproxy: true, checkIndex: 'qa' });
const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'weekly-faq-bench-replicas-'));
try {
  const logger = createLogger({ level: 'warn', fd: 2, pretty: false });
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'warn', MEILI_URL: set.lbUrl!, MEILI_REPLICAS: set.replicas.map((r) => r.url).join(','), MEILI_MASTER_KEY: set.masterKey });
  const connection = await connectMeili(config, logger);
  const job = createReindexJob({ config: { ...config, weeklySource: source }, connection, logger });
  const started = Date.now();
  const report = (await job()) as ReplicasReindexReport;
  log(`Machine: ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}; corpus ${source}`);
  log(`Reindex on 3 replicas in parallel: ${report.outcome}, ${report.documents} documents, ${round((Date.now() - started) / 1000, 1)} s (${report.replicas.map((r) => `${r.outcome} ${r.durationMs} ms`).join(', ')})`);
  const waitAllUp = async () => {
    for (let i = 0; i < 600 && !Object.values(await set.serverStates()).every((s) => s === 'UP'); i++) await sleep(100);
  };
  await waitAllUp();
  const body = (q: string) => JSON.stringify({ q, limit: 10, attributesToHighlight: ['question', 'answer'], facets: ['projects', 'year'] });
  const headers = { authorization: `Bearer ${connection.searchKey}`, 'content-type': 'application/json' };

  // 1. a fixed rate through HAProxy: first with every replica up (the baseline), then with one SIGKILLed
  const plain = (q: string) => JSON.stringify({ q, limit: 10 });
  const victim = set.replicas[1]!;
  const runRate = async (kill: boolean) => {
    const latencies: number[] = [];
    const failures: string[] = [];
    const inflight = new Set<Promise<void>>();
    const t0 = Date.now();
    let killedAt = 0;
    let restartedAt = 0;
    const events = kill ? (async () => {
      await sleep(duration * 250);
      killedAt = Date.now() - t0;
      await victim.kill('SIGKILL');
      await sleep(Math.max(0, duration * 1000 * (2 / 3) - (Date.now() - t0)));
      restartedAt = Date.now() - t0;
      await victim.start();
    })() : Promise.resolve();
    for (let i = 0; Date.now() - t0 < duration * 1000; i++) {
      const at = t0 + (i * 1000) / rate;
      if (at > Date.now()) await sleep(at - Date.now());
      const sent = performance.now();
      const p: Promise<void> = fetch(`${set.lbUrl}/indexes/qa/search`, { method: 'POST', headers, body: plain(texts[i % texts.length]!) })
        .then(async (r) => {
          await r.arrayBuffer();
          if (r.status === 200) latencies.push(performance.now() - sent);
          else failures.push(`HTTP ${r.status}`);
        }, (error: unknown) => void failures.push(`${String(error)} ${String((error as { cause?: unknown }).cause ?? '')}`))
        .finally(() => inflight.delete(p));
      inflight.add(p);
    }
    await Promise.all(inflight);
    await events;
    const what = kill ? `${victim.url} SIGKILLed at ${round(killedAt / 1000, 1)} s, restarted at ${round(restartedAt / 1000, 1)} s` : 'every replica up';
    log(`  ${what}: sent ${latencies.length + failures.length}, failed ${failures.length}${failures.length ? ` (${[...new Set(failures)].slice(0, 3).join('; ')})` : ''}, p50 ${round(percentile(latencies, 50))} ms, p99 ${round(percentile(latencies, 99))} ms, max ${round(Math.max(...latencies))} ms; load average ${os.loadavg()[0]?.toFixed(2)}`);
  };
  log(`\nFixed rate: ${rate} plain searches/s for ${duration} s through HAProxy (3 replicas)`);
  await runRate(false);
  await runRate(true);
  await waitAllUp();
  const after = (await job()) as ReplicasReindexReport;
  log(`  next reindex: ${after.replicas.map((r) => `${r.url} ${r.outcome} (${r.documents} docs)`).join(', ')}`);

  // 2. throughput at `connections`, 1-3 replicas in rotation, and one replica without HAProxy
  const searches = texts.map((q) => {
    const phases = [[{ method: 'POST', path: '/indexes/qa/search', headers, body: body(q) }]];
    return { idle: phases, busy: phases };
  });
  const load = async (url: string) => {
    const r = await runSearchLoad({ origin: url, searches, connections, seconds });
    return { rps: round(r.rps, 0), p50: round(r.p50), p99: round(r.p99), };
  };
  log(`\nThroughput at ${connections} connections, ${seconds} s each (plain search, ${report.documents} documents):`);
  log('| target | searches/s | p50 | p99 |\n| --- | --- | --- | --- |');
  const direct = await load(set.replicas[0]!.url);
  log(`| one replica, no HAProxy | ${direct.rps} | ${direct.p50} ms | ${direct.p99} ms |`);
  for (const n of [1, 2, 3]) {
    for (let i = 1; i <= 3; i++) await set.haproxyCommand(`set server replicas/meili${i} state ${i <= n ? 'ready' : 'maint'}`);
    await sleep(500);
    const r = await load(set.lbUrl!);
    log(`| HAProxy, ${n} replica${n > 1 ? 's' : ''} | ${r.rps} | ${r.p50} ms | ${r.p99} ms |`);
  }
  log(`load average after: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);

  // 3. memory and disk
  log('\nPer replica:');
  for (const r of set.replicas) {
    const status = r.process?.pid ? readFileSync(`/proc/${r.process.pid}/status`, 'utf8') : '';
    const rss = /VmRSS:\s+(\d+)/.exec(status)?.[1];
    const hwm = /VmHWM:\s+(\d+)/.exec(status)?.[1];
    const disk = execFileSync('du', ['-sm', path.join(r.dataDir, 'db')], { encoding: 'utf8' }).split('\t')[0];
    log(`  ${r.url}: RSS ${rss ? round(Number(rss) / 1024, 0) : '?'} MB (peak ${hwm ? round(Number(hwm) / 1024, 0) : '?'} MB), db ${disk} MB`);
  }
  await connection.stop();
} finally {
  await set.stop();
  await fs.rm(dataDir, { recursive: true, force: true });
}
