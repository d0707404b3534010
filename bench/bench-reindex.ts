// Full reindex time of the real corpus and of a corpus N times larger (default 100), with the
// indexer's peak memory. Targets: real corpus <= 10 s; 100x <= 5 min and <= 500 MB.
//
//   npm run bench:reindex [-- --factor 100] [--skip-large] [--source <corpus>]
//
// Each reindex runs in its own child process (so its peak RSS is the indexer's alone) against
// one embedded Meilisearch on a temporary data directory. Results go to stdout and to
// bench/out/reindex-<time>.json. `runReindexChild` is also what `npm run bench` uses.
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Meilisearch } from 'meilisearch';
import { getProjectSynonyms } from '../src/search/get-project-synonyms.ts';
import { createProgressReporter } from '../indexer/cli/create-progress-reporter.ts';
import { reindex } from '../indexer/load/reindex.ts';
import { loadConfig } from '../src/config.ts';
import { createLogger } from '../src/logger.ts';
import { connectMeili } from '../src/meili/connect-meili.ts';
import { REAL_CORPUS, generateCorpus } from '../scripts/generate-corpus.ts';

const SELF = fileURLToPath(import.meta.url);
const ROOT = path.resolve(path.dirname(SELF), '..');

export interface RunResult {
  name: string;
  source: string;
  outcome: string;
  error: string | null;
  posts: number;
  pairs: number;
  documents: number;
  durationMs: number;
  /** Peak resident memory of the indexer process. */
  peakRssMb: number;
  /** Peak resident memory of Meilisearch so far (embedded server), when known. */
  meiliPeakRssMb: number | null;
  /** Live index the run swapped into. */
  indexName: string;
}

/** Child mode: one forced reindex of BENCH_SOURCE; prints one JSON line. */
async function child(): Promise<void> {
  const logger = createLogger({ level: 'info', fd: 2, pretty: false });
  const progress = createProgressReporter({ logger, tty: false, intervalMs: 10_000 });
  const report = await reindex({
    client: new Meilisearch({ host: process.env.BENCH_MEILI_URL ?? '', apiKey: process.env.BENCH_MEILI_KEY ?? '' }),
    indexName: process.env.BENCH_INDEX || 'qa',
    records: [process.env.BENCH_SOURCE ?? ''],
    force: true,
    logger,
    onProgress: progress.onProgress,
    projectSynonyms: getProjectSynonyms(),
  });
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`${JSON.stringify({ report, peakRssMb })}\n`);
}

/** Peak resident memory (VmHWM) of a running process, in MB; null when unknown. */
export function readPeakRssMb(pid: number | null): Promise<number | null> {
  if (!pid) return Promise.resolve(null);
  return fs.readFile(`/proc/${pid}/status`, 'utf8').then(
    (status) => {
      const kb = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
      return kb ? Number(kb) / 1024 : null;
    },
    () => null,
  );
}

/**
 * One forced reindex of `source` into `indexName` (default `qa`) in a child process of its own,
 * on the Meilisearch at `url` (admin `key`); `meiliPid` (embedded server) for its peak memory.
 * The child's progress log lines go to `stderr` ('inherit' by default, or 'ignore').
 */
export async function runReindexChild(
  name: string, source: string, url: string, key: string, meiliPid: number | null,
  options: { indexName?: string; stderr?: 'inherit' | 'ignore' } = {},
): Promise<RunResult> {
  const indexName = options.indexName ?? 'qa';
  const proc = spawn(process.execPath, ['--import', 'tsx', SELF, '--child'], {
    cwd: ROOT,
    env: { ...process.env, BENCH_MEILI_URL: url, BENCH_MEILI_KEY: key, BENCH_SOURCE: source, BENCH_INDEX: indexName },
    stdio: ['ignore', 'pipe', options.stderr ?? 'inherit'],
  });
  let stdout = '';
  proc.stdout.on('data', (chunk) => (stdout += chunk));
  const code = await new Promise<number | null>((resolve) => proc.on('exit', resolve));
  const line = stdout.trim().split('\n').at(-1) ?? '';
  if (code !== 0 || !line) throw new Error(`bench child for ${name} exited with ${code}`);
  const { report, peakRssMb } = JSON.parse(line) as { report: { outcome: string; error: { code: string; message: string } | null; posts: { read: number }; pairs: number; documents: number; durationMs: number }; peakRssMb: number };
  return {
    name, source, outcome: report.outcome, error: report.error ? `${report.error.code}: ${report.error.message}` : null,
    posts: report.posts.read, pairs: report.pairs, documents: report.documents, durationMs: report.durationMs,
    peakRssMb: Math.round(peakRssMb), meiliPeakRssMb: (await readPeakRssMb(meiliPid).then((mb) => (mb === null ? null : Math.round(mb)))),
    indexName,
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      child: { type: 'boolean', default: false },
      factor: { type: 'string', default: '100' },
      'skip-large': { type: 'boolean', default: false },
      source: { type: 'string', default: REAL_CORPUS },
    },
    strict: true,
  });
  if (values.child) return await child();
  const factor = Number(values.factor);
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'weekly-faq-bench-'));
  const logger = createLogger({ level: 'warn', fd: 2 });
  const connection = await connectMeili(loadConfig({ DATA_DIR: path.join(tmp, 'data'), LOG_LEVEL: 'warn' }), logger);
  const results: RunResult[] = [];
  try {
    const meiliPid = connection.embedded?.pid ?? null;
    process.stderr.write(`bench: reindex of ${values.source}\n`);
    results.push(await runReindexChild('1x', values.source, connection.url, connection.adminKey, meiliPid));
    if (!values['skip-large']) {
      process.stderr.write(`bench: generating a ${factor}x corpus\n`);
      const corpus = await generateCorpus({ source: values.source, out: path.join(tmp, `corpus-${factor}x`), factor });
      process.stderr.write(`bench: ${corpus.files} files, ${(corpus.bytes / 1048576).toFixed(0)} MB; reindexing\n`);
      results.push(await runReindexChild(`${factor}x`, corpus.out, connection.url, connection.adminKey, meiliPid));
    }
  } finally {
    await connection.stop();
    await fs.rm(tmp, { recursive: true, force: true });
  }

  const targets: Record<string, { maxMs: number; maxMb?: number }> = { '1x': { maxMs: 10_000 }, '100x': { maxMs: 300_000, maxMb: 500 } };
  const lines = results.map((r) => {
    const target = targets[r.name];
    const ok = r.outcome === 'succeeded' && (!target || (r.durationMs <= target.maxMs && (target.maxMb === undefined || r.peakRssMb <= target.maxMb)));
    return `${r.name.padEnd(5)} ${r.outcome.padEnd(9)} ${String(r.posts).padStart(6)} posts ${String(r.pairs).padStart(7)} pairs ${String(r.documents).padStart(7)} docs  ${(r.durationMs / 1000).toFixed(1).padStart(6)} s  indexer peak ${String(r.peakRssMb).padStart(4)} MB  meili peak ${r.meiliPeakRssMb ?? '?'} MB  ${target ? (ok ? 'OK' : 'MISSED TARGET') : ''}${r.error ? `  ${r.error}` : ''}`;
  });
  process.stdout.write(`${lines.join('\n')}\n`);
  const outDir = path.join(ROOT, 'bench', 'out');
  await fs.mkdir(outDir, { recursive: true });
  const file = path.join(outDir, `reindex-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  await fs.writeFile(file, `${JSON.stringify({ at: new Date().toISOString(), cpus: os.cpus().length, node: process.version, results }, null, 2)}\n`);
  process.stdout.write(`written to ${path.relative(ROOT, file)}\n`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === SELF) await main();
