/**
 * `npm run bench:extract-process -- [<corpus>] [--runs N]`
 * Extraction as users pay for it: `npm run extract` over the corpus as a whole process (npm,
 * the launcher's staleness check, the bundled extractor `npm run build` writes) against a whole
 * process that merely parses every post with remark-parse + GFM (`bench/naive-parse-posts.ts`),
 * started two ways: under tsx (as the baseline figures were taken), and bundled by esbuild and run
 * with plain node (no transpiler, one file: the strictest floor). Alternating, side by side; prints
 * the medians, the ratios and the load average. Default corpus: ../shared/corpus/sofastack.tech.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { median } from './stats.ts';

const root = path.resolve(import.meta.dirname, '..');
const { values, positionals } = parseArgs({ allowPositionals: true, options: { runs: { type: 'string', default: '5' } } });
const corpus = path.resolve(positionals[0] ?? path.join(root, '..', 'shared', 'corpus', 'sofastack.tech'));
const runs = Number(values.runs);

/** Wall time of one process, in ms; its stdout is discarded. */
function time(command: string, args: string[]): number {
  const started = performance.now();
  const run = spawnSync(command, args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${run.stderr}`);
  return performance.now() - started;
}

// One level below the root, so that data files read relative to their module (../src/data/...) resolve.
const out = mkdtempSync(path.join(root, '.bench-bundle-'));
const bundle = (entry: string, name: string) =>
  build({
    entryPoints: [path.join(root, entry)], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile: path.join(out, name),
    logLevel: 'silent', banner: { js: "import { createRequire as createRequireForBundle } from 'node:module'; const require = createRequireForBundle(import.meta.url);" },
  });
await bundle('bench/naive-parse-posts.ts', 'naive.mjs');
const built = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
if (built.status !== 0) throw new Error('npm run build failed');
const npmExtract = () => time('npm', ['run', '--silent', 'extract', '--', corpus]);

const pairs = {
  'npm run extract vs tsx naive parse': {
    extractor: npmExtract,
    naive: () => time(path.join(root, 'node_modules', '.bin', 'tsx'), ['bench/naive-parse-posts.ts', corpus]),
  },
  'npm run extract vs bundled naive parse (plain node)': {
    extractor: npmExtract,
    naive: () => time(process.execPath, [path.join(out, 'naive.mjs'), corpus]),
  },
};
process.stdout.write(`load average before: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}\n`);

const results: Record<string, { extractorMs: number; naiveMs: number; speedup: number }> = {};
for (const [name, pair] of Object.entries(pairs)) {
  pair.extractor(); // warm the file cache
  const extractor: number[] = [];
  const naive: number[] = [];
  const ratios: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    // alternate the order, so that neither side always runs on a warmer (or busier) machine
    let e: number;
    let n: number;
    if (run % 2 === 0) {
      e = pair.extractor();
      n = pair.naive();
    } else {
      n = pair.naive();
      e = pair.extractor();
    }
    extractor.push(e);
    naive.push(n);
    ratios.push(n / e);
  }
  results[name] = { extractorMs: Math.round(median(extractor)), naiveMs: Math.round(median(naive)), speedup: +median(ratios).toFixed(2) };
  process.stdout.write(`${name}: extractor ${results[name].extractorMs} ms vs naive ${results[name].naiveMs} ms: ${results[name].speedup}x (runs: ${extractor.map(Math.round).join(', ')} vs ${naive.map(Math.round).join(', ')})\n`);
}
rmSync(out, { recursive: true, force: true });
process.stdout.write(`load average after: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}\n`);
process.stdout.write(`${JSON.stringify({ corpus, runs, results }, null, 2)}\n`);
