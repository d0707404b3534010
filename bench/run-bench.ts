/**
 * `npm run bench [-- <corpus>] [--quick] [--out DIR] [--only parts] [--large-runs N]`
 * `npm run bench -- --render`: rewrite RESULTS.md from results.json (after editing bench/interpretation.md)
 *
 * Measures the whole service against its targets on the real corpus (default
 * `../shared/corpus/sofastack.tech`; a `shared` folder or a docs-site checkout may be given):
 * extraction, indexing at 1x/10x/100x, search through the API and straight to Meilisearch at
 * 1/8/32 connections, the widget (size, keystroke to results in headless Chromium), relevance
 * (relevance.py, the service and a default-settings index side by side), CPU profiles of the
 * extractor and of the API under load. Writes `results.json` and `RESULTS.md` to bench/ (with
 * `--quick`: a shorter run, under 2 minutes, written to bench/out/quick/). Exit 1 when a part
 * could not be measured (missed targets are reported, not an error).
 *
 * Parts (`--only`): extraction, indexing, search, widget, relevance, profiles.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { benchExtract } from './bench-extract.ts';
import { evaluateTargets, type BenchFailure, type BenchResults, type Part } from './bench-results.ts';
import { formatResultsMarkdown, formatSummary } from './format-results.ts';
import { measureIndexing } from './measure-indexing.ts';
import { measureRelevance } from './measure-relevance.ts';
import { measureSearch, prepareSearchRequests } from './measure-search.ts';
import { measureWidget } from './measure-widget.ts';
import { profileApiUnderLoad, profileExtractor } from './profile.ts';
import { ROOT, startService, type BenchService } from './start-service.ts';

const PARTS = ['extraction', 'indexing', 'search', 'widget', 'relevance', 'profiles'] as const;
type PartName = (typeof PARTS)[number];

/** Searches typed into the demo page's widget (it shows MOSN answers only). */
const WIDGET_QUERIES = ['sidecar', '超时', 'istio', '路由', 'envoy'];

/** How long each part runs: the full report, and `--quick` (under 2 minutes in all). */
export const MODES = {
  full: {
    extractionRuns: 5,
    indexSizes: (largeRuns: number) => [{ factor: 1, runs: 3 }, { factor: 10, runs: 3 }, { factor: 100, runs: largeRuns }],
    searchRounds: 3, searchSeconds: 10, connections: [1, 8, 32],
    widgetRuns: 20,
    extractorProfilePasses: 5, apiProfileSeconds: 10,
  },
  quick: {
    extractionRuns: 2,
    indexSizes: () => [{ factor: 1, runs: 2 }],
    searchRounds: 1, searchSeconds: 2, connections: [1, 8, 32],
    widgetRuns: 6,
    extractorProfilePasses: 1, apiProfileSeconds: 3,
  },
};

/** The docs-site checkout: `given` itself, or `given/corpus/sofastack.tech` for a `shared` folder. */
export function resolveCorpus(given: string | undefined): string {
  const base = path.resolve(given ?? path.join(ROOT, '..', 'shared'));
  const nested = path.join(base, 'corpus', 'sofastack.tech');
  return existsSync(nested) ? nested : base;
}

function log(line: string): void {
  process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${line}\n`);
}

async function attempt<T>(name: string, run: () => Promise<T>): Promise<T | BenchFailure> {
  const started = Date.now();
  log(`${name}...`);
  try {
    const result = await run();
    log(`${name}: done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    return result;
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
    log(`${name} FAILED: ${error instanceof Error ? (error.stack ?? message) : message}`);
    return { error: message };
  }
}

function gitCommit(): string | null {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || null;
  } catch {
    return null;
  }
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      quick: { type: 'boolean', default: false },
      out: { type: 'string' },
      only: { type: 'string' },
      'large-runs': { type: 'string', default: '1' },
      notes: { type: 'string', default: path.join(ROOT, 'bench', 'interpretation.md') },
      'relevance-script': { type: 'string' },
      render: { type: 'boolean', default: false },
    },
  });
  if (values.render) {
    const dir = path.resolve(values.out ?? path.join(ROOT, 'bench'));
    const saved = JSON.parse(await fs.readFile(path.join(dir, 'results.json'), 'utf8')) as BenchResults;
    saved.targets = evaluateTargets(saved);
    const notes = await fs.readFile(values.notes, 'utf8').catch(() => '');
    await fs.writeFile(path.join(dir, 'RESULTS.md'), formatResultsMarkdown(saved, { notes: saved.quick ? '' : notes }));
    process.stdout.write(formatSummary(saved));
    return 0;
  }
  const corpus = resolveCorpus(positionals[0]);
  if (!existsSync(corpus)) {
    process.stderr.write(`bench: no corpus at ${corpus} (give the path of a docs-site checkout, or of ../shared)\n`);
    return 2;
  }
  const quick = values.quick;
  const mode = quick ? MODES.quick : MODES.full;
  const only = new Set((values.only ?? PARTS.join(',')).split(',').map((p) => p.trim()));
  for (const part of only) if (!PARTS.includes(part as PartName)) throw new Error(`--only: unknown part ${part} (${PARTS.join(', ')})`);
  const wants = (part: PartName) => only.has(part);
  const outDir = path.resolve(values.out ?? (quick ? path.join(ROOT, 'bench', 'out', 'quick') : path.join(ROOT, 'bench')));
  const profileDir = path.join(ROOT, 'bench', 'out');
  const relevanceScript = values['relevance-script'] ?? path.resolve(corpus, '..', '..', 'tools', 'relevance.py');

  const startedAt = new Date();
  const results: Omit<BenchResults, 'targets' | 'durationSeconds'> = {
    at: startedAt.toISOString(),
    quick,
    commit: gitCommit(),
    corpus: path.relative(ROOT, corpus) || corpus,
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown',
      memoryGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
      node: process.version,
      // the benchmarked services' Node when BENCH_NODE names another binary (bench/start-service.ts)
      ...(process.env.BENCH_NODE ? { serviceNode: execFileSync(process.env.BENCH_NODE, ['--version'], { encoding: 'utf8' }).trim() } : {}),
      platform: `${os.platform()} ${os.release()}`,
      loadAverage: os.loadavg()[0] ?? 0,
    },
    extraction: null,
    indexing: null,
    search: null,
    widget: null,
    relevance: null,
    profiles: { extractor: null, api: null },
  };
  log(`bench${quick ? ' --quick' : ''} on ${corpus}: ${results.machine.cpus} cores, ${results.machine.memoryGb} GB, load ${results.machine.loadAverage.toFixed(2)}`);

  if (wants('extraction')) {
    results.extraction = await attempt('extraction', () => benchExtract({ folder: corpus, runs: mode.extractionRuns, onRun: (run) => log(`extraction: run ${run + 1}/${mode.extractionRuns}`) }));
  }
  if (wants('profiles')) {
    results.profiles.extractor = await attempt('extractor profile', () => profileExtractor({ corpus, passes: mode.extractorProfilePasses, outDir: profileDir }));
  }
  const needsService = wants('search') || wants('widget') || wants('relevance') || wants('profiles');
  if (needsService) {
    let service: BenchService | null = null;
    const started = await attempt('starting the service (indexing the corpus)', async () => (service = await startService({ source: corpus })));
    const onSignal = () => void (service as BenchService | null)?.stop({ removeData: true }).finally(() => process.exit(130));
    process.once('SIGINT', onSignal);
    const failed = 'error' in started ? started : null;
    const skipped = (part: PartName): Part<never> => (wants(part) ? failed : null);
    const s = service as BenchService | null;
    try {
      if (!s) {
        results.search = skipped('search');
        results.widget = skipped('widget');
        results.relevance = skipped('relevance');
        results.profiles.api = skipped('profiles');
      } else {
        const endpoints = { apiUrl: s.url, meiliUrl: s.meiliUrl, searchKey: s.searchKey };
        if (wants('search')) {
          results.search = await attempt('search', () => measureSearch({ endpoints, rounds: mode.searchRounds, durationSeconds: mode.searchSeconds, connections: mode.connections, log }));
        }
        if (wants('widget')) results.widget = await attempt('widget', () => measureWidget({ origin: s.url, queries: WIDGET_QUERIES, runs: mode.widgetRuns, log }));
        if (wants('relevance')) {
          results.relevance = await attempt('relevance', () => measureRelevance({ script: relevanceScript, apiUrl: s.url, meiliUrl: s.meiliUrl, masterKey: s.masterKey, corpus }));
        }
        if (wants('profiles')) {
          const prepared = await prepareSearchRequests(endpoints);
          await s.stop();
          results.profiles.api = await attempt('API profile under load', () => profileApiUnderLoad({
            source: corpus, dataDir: s.dataDir, searches: prepared.searches.api, connections: 32, seconds: mode.apiProfileSeconds, outDir: profileDir,
          }));
        }
      }
    } finally {
      await s?.stop({ removeData: true });
      process.removeListener('SIGINT', onSignal);
    }
  }

  // Last: the large corpora leave gigabytes of page cache and freed memory that the VM reclaims
  // for minutes afterwards, which slowed the latency runs measurably when they came after.
  if (wants('indexing')) {
    results.indexing = await attempt('indexing', () => measureIndexing({ corpus, sizes: mode.indexSizes(Number(values['large-runs'])), log }));
  }

  const done: BenchResults = { ...results, durationSeconds: Math.round((Date.now() - startedAt.getTime()) / 1000), targets: [] };
  done.targets = evaluateTargets(done);
  const notes = await fs.readFile(values.notes, 'utf8').catch(() => '');
  await fs.mkdir(outDir, { recursive: true });
  await fs.writeFile(path.join(outDir, 'results.json'), `${JSON.stringify(done, null, 2)}\n`);
  await fs.writeFile(path.join(outDir, 'RESULTS.md'), formatResultsMarkdown(done, { notes: quick ? '' : notes }));
  process.stdout.write(formatSummary(done));
  log(`written: ${path.relative(process.cwd(), path.join(outDir, 'results.json'))}, ${path.relative(process.cwd(), path.join(outDir, 'RESULTS.md'))}`);
  const parts = [done.extraction, done.indexing, done.search, done.widget, done.relevance, done.profiles.extractor, done.profiles.api];
  return parts.some((part) => part !== null && typeof part === 'object' && 'error' in part) ? 1 : 0;
}

process.exitCode = await main();
