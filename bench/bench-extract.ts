/**
 * `npm run bench:extract [-- <blog folder>] [--runs N]`
 * Extraction speed against the naive floor, side by side in one run: the extractor over the whole
 * blog tree vs merely parsing every post with remark-parse + GFM. Prints medians and the ratio.
 * `benchExtract` is also what `npm run bench` (bench/run-bench.ts) uses.
 */
import { parseArgs } from 'node:util';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { extractCorpus } from '../indexer/extract/extract-corpus.ts';
import { discoverFiles } from '../indexer/sources/discover-files.ts';
import { median } from './stats.ts';

export const DEFAULT_BLOG_FOLDER = path.resolve(import.meta.dirname, '..', '..', 'shared', 'corpus', 'sofastack.tech', 'content', 'zh', 'blog');

export interface ExtractBenchResult {
  folder: string;
  runs: number;
  /** Markdown files read (every one of them, weekly or not). */
  files: number;
  megabytes: number;
  weeklyPosts: number;
  pairs: number;
  /** Medians over the runs. */
  extractorMs: number;
  naiveParseMs: number;
  /** Median of the per-run ratios naive / extractor (each run times both, back to back). */
  speedup: number;
  postsPerSecond: number;
  megabytesPerSecond: number;
  pairsPerSecond: number;
  /** Every run's times, for the record. */
  extractorRunsMs: number[];
  naiveRunsMs: number[];
}

/** One pass of the extractor over `folder`. */
export async function timeExtractor(folder: string): Promise<{ ms: number; posts: number; pairs: number }> {
  const started = performance.now();
  let posts = 0;
  let pairs = 0;
  for await (const post of extractCorpus([folder])) {
    if (post.status === 'extracted') posts += 1;
    pairs += post.records.length;
  }
  return { ms: performance.now() - started, posts, pairs };
}

/** The naive floor: read every markdown file under `folder` and parse it with remark-parse + GFM. */
export async function timeNaiveParse(folder: string): Promise<{ ms: number; files: number; bytes: number }> {
  const started = performance.now();
  const processor = unified().use(remarkParse).use(remarkGfm);
  const files = await discoverFiles([folder]);
  let bytes = 0;
  for (const file of files) {
    const text = await fs.readFile(file.path, 'utf8');
    bytes += Buffer.byteLength(text);
    processor.parse(text);
  }
  return { ms: performance.now() - started, files: files.length, bytes };
}

/** Time the extractor and the naive parse `runs` times each, alternating, after one warm-up. */
export async function benchExtract(options: { folder: string; runs: number; onRun?: (run: number) => void }): Promise<ExtractBenchResult> {
  const { folder, runs } = options;
  const extractorTimes: number[] = [];
  const naiveTimes: number[] = [];
  const ratios: number[] = [];
  let last = { posts: 0, pairs: 0 };
  let naive = { files: 0, bytes: 0 };
  await timeExtractor(folder); // warm-up: module loading and JIT
  await timeNaiveParse(folder);
  for (let run = 0; run < runs; run += 1) {
    options.onRun?.(run);
    // alternate the order, so that neither side always runs on a warmer (or busier) machine
    const first = run % 2 === 0 ? 'extractor' : 'naive';
    let extracted: Awaited<ReturnType<typeof timeExtractor>> | null = null;
    let parsed: Awaited<ReturnType<typeof timeNaiveParse>> | null = null;
    if (first === 'naive') parsed = await timeNaiveParse(folder);
    extracted = await timeExtractor(folder);
    parsed ??= await timeNaiveParse(folder);
    extractorTimes.push(extracted.ms);
    naiveTimes.push(parsed.ms);
    ratios.push(parsed.ms / extracted.ms);
    last = extracted;
    naive = parsed;
  }
  const extractorMs = median(extractorTimes);
  const seconds = extractorMs / 1000;
  return {
    folder,
    runs,
    files: naive.files,
    megabytes: +(naive.bytes / 1048576).toFixed(2),
    weeklyPosts: last.posts,
    pairs: last.pairs,
    extractorMs: Math.round(extractorMs),
    naiveParseMs: Math.round(median(naiveTimes)),
    speedup: +median(ratios).toFixed(2),
    postsPerSecond: Math.round(naive.files / seconds),
    megabytesPerSecond: +(naive.bytes / 1048576 / seconds).toFixed(2),
    pairsPerSecond: Math.round(last.pairs / seconds),
    extractorRunsMs: extractorTimes.map(Math.round),
    naiveRunsMs: naiveTimes.map(Math.round),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { runs: { type: 'string', default: '5' } } });
  const result = await benchExtract({ folder: positionals[0] ?? DEFAULT_BLOG_FOLDER, runs: Number(values.runs) });
  console.log(JSON.stringify(result, null, 2));
  console.log(`extractor ${result.extractorMs} ms vs remark-parse+GFM ${result.naiveParseMs} ms over ${result.files} posts: ${result.speedup}x faster (target >= 3x)`);
}
