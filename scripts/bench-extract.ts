/**
 * `npm run bench:extract [-- <blog folder>] [--runs N]`
 * Extraction speed against the naive floor, side by side in one run: the extractor over the whole
 * blog tree vs merely parsing every post with remark-parse + GFM. Prints medians and the ratio.
 */
import { parseArgs } from 'node:util';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { extractCorpus } from '../indexer/extract-corpus.ts';
import { discoverFiles } from '../indexer/discover-posts.ts';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { runs: { type: 'string', default: '5' } } });
const folder = positionals[0] ?? path.resolve(import.meta.dirname, '..', '..', 'shared', 'corpus', 'sofastack.tech', 'content', 'zh', 'blog');
const runs = Number(values.runs);

async function timeExtractor(): Promise<{ ms: number; posts: number; pairs: number; bytes: number }> {
  const started = performance.now();
  let posts = 0;
  let pairs = 0;
  for await (const post of extractCorpus([folder])) {
    if (post.status === 'weekly') posts += 1;
    pairs += post.records.length;
  }
  return { ms: performance.now() - started, posts, pairs, bytes: 0 };
}

async function timeNaive(): Promise<{ ms: number; files: number; bytes: number }> {
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

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

const extractorTimes: number[] = [];
const naiveTimes: number[] = [];
let last = { posts: 0, pairs: 0 };
let naive = { files: 0, bytes: 0 };
await timeExtractor(); // warm-up: module loading and JIT
for (let run = 0; run < runs; run += 1) {
  const extracted = await timeExtractor();
  extractorTimes.push(extracted.ms);
  last = extracted;
  const parsed = await timeNaive();
  naiveTimes.push(parsed.ms);
  naive = parsed;
}
const extractorMs = median(extractorTimes);
const naiveMs = median(naiveTimes);
const seconds = extractorMs / 1000;
const result = {
  folder,
  runs,
  files: naive.files,
  megabytes: +(naive.bytes / 1048576).toFixed(2),
  weeklyPosts: last.posts,
  pairs: last.pairs,
  extractorMs: Math.round(extractorMs),
  naiveParseMs: Math.round(naiveMs),
  speedup: +(naiveMs / extractorMs).toFixed(2),
  postsPerSecond: Math.round(naive.files / seconds),
  megabytesPerSecond: +(naive.bytes / 1048576 / seconds).toFixed(1),
  pairsPerSecond: Math.round(last.pairs / seconds),
};
console.log(JSON.stringify(result, null, 2));
console.log(`extractor ${result.extractorMs} ms vs remark-parse+GFM ${result.naiveParseMs} ms over ${result.files} posts: ${result.speedup}x faster (target >= 3x)`);
