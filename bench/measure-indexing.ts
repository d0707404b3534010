/**
 * Time to a swapped index for the corpus at several sizes (1x, 10x, 100x: copies made by
 * scripts/generate-corpus.ts), each reindex in a child process of its own (its peak RSS is the
 * indexer's alone), on one embedded Meilisearch on a temporary DATA_DIR.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config.ts';
import { createLogger } from '../src/logger.ts';
import { connectMeili } from '../src/meili/connect-meili.ts';
import { generateCorpus } from '../scripts/generate-corpus.ts';
import { readPeakRssMb, runReindexChild, type RunResult } from './bench-reindex.ts';
import { median, round } from './stats.ts';

export interface IndexSize {
  name: string;
  factor: number;
  /** Markdown files and megabytes of the corpus. */
  files: number;
  megabytes: number;
  /** Files the indexer's extractor reported on. */
  postsRead: number;
  documents: number;
  runs: number;
  /** Median time to the swapped index, ms. */
  durationMs: number;
  durationsMs: number[];
  /** Highest peak RSS of the indexer process over the runs, MB. */
  indexerPeakRssMb: number;
  /** Peak RSS of the Meilisearch server so far (it only grows), MB; null when unknown. */
  meiliPeakRssMb: number | null;
  /** Milliseconds per 1,000 documents (median time). */
  msPer1000Documents: number;
}

export interface IndexGrowth {
  from: string;
  to: string;
  documentsRatio: number;
  timeRatio: number;
  /** timeRatio / documentsRatio: 1 is linear, below 1 sublinear (fixed costs amortized). */
  perDocumentRatio: number;
  memoryRatio: number;
}

export interface IndexingBench {
  sizes: IndexSize[];
  growth: IndexGrowth[];
}

async function countMarkdown(root: string): Promise<{ files: number; bytes: number }> {
  const entries = await fs.readdir(root, { recursive: true, withFileTypes: true });
  let files = 0;
  let bytes = 0;
  for (const entry of entries) {
    if (!entry.isFile() || !/\.(md|markdown)$/i.test(entry.name)) continue;
    files += 1;
    bytes += (await fs.stat(path.join(entry.parentPath, entry.name))).size;
  }
  return { files, bytes };
}

export interface MeasureIndexingOptions {
  corpus: string;
  /** Sizes and how many runs each (e.g. `[{ factor: 1, runs: 3 }, { factor: 100, runs: 1 }]`). */
  sizes: { factor: number; runs: number }[];
  log?: (line: string) => void;
}

export async function measureIndexing(options: MeasureIndexingOptions): Promise<IndexingBench> {
  const log = options.log ?? (() => {});
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'weekly-faq-bench-index-'));
  const logger = createLogger({ level: 'warn', fd: 2, pretty: false });
  const connection = await connectMeili(loadConfig({ DATA_DIR: path.join(tmp, 'data'), LOG_LEVEL: 'warn' }), logger);
  const sizes: IndexSize[] = [];
  try {
    for (const { factor, runs } of options.sizes) {
      const name = `${factor}x`;
      let source = options.corpus;
      if (factor > 1) {
        const started = Date.now();
        source = (await generateCorpus({ source: options.corpus, out: path.join(tmp, `corpus-${name}`), factor })).out;
        log(`indexing: generated the ${name} corpus in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      }
      const { files, bytes } = await countMarkdown(source);
      const results: RunResult[] = [];
      for (let run = 0; run < runs; run++) {
        const result = await runReindexChild(name, source, connection.url, connection.adminKey, connection.embedded?.pid ?? null, { indexName: `bench_${name}`, stderr: 'ignore' });
        if (result.outcome !== 'succeeded') throw new Error(`reindex of ${name} ${result.outcome}: ${result.error}`);
        results.push(result);
        log(`indexing: ${name} run ${run + 1}/${runs}: ${result.documents} documents in ${(result.durationMs / 1000).toFixed(1)} s, indexer peak ${result.peakRssMb} MB`);
      }
      const durationMs = median(results.map((r) => r.durationMs));
      const documents = results.at(-1)?.documents ?? 0;
      sizes.push({
        name, factor, files, megabytes: round(bytes / 1048576, 1), postsRead: results.at(-1)?.posts ?? 0, documents, runs,
        durationMs: Math.round(durationMs),
        durationsMs: results.map((r) => r.durationMs),
        indexerPeakRssMb: Math.max(...results.map((r) => r.peakRssMb)),
        meiliPeakRssMb: await readPeakRssMb(connection.embedded?.pid ?? null).then((mb) => (mb === null ? null : Math.round(mb))),
        msPer1000Documents: round((durationMs / Math.max(1, documents)) * 1000, 1),
      });
      if (factor > 1) await fs.rm(source, { recursive: true, force: true });
    }
  } finally {
    await connection.stop();
    await fs.rm(tmp, { recursive: true, force: true });
  }
  const growth: IndexGrowth[] = [];
  for (let i = 1; i < sizes.length; i++) {
    const a = sizes[i - 1]!;
    const b = sizes[i]!;
    const documentsRatio = b.documents / a.documents;
    const timeRatio = b.durationMs / a.durationMs;
    growth.push({
      from: a.name, to: b.name,
      documentsRatio: round(documentsRatio, 1),
      timeRatio: round(timeRatio, 1),
      perDocumentRatio: round(timeRatio / documentsRatio, 2),
      memoryRatio: round(b.indexerPeakRssMb / a.indexerPeakRssMb, 2),
    });
  }
  return { sizes, growth };
}
