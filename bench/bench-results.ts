/** What `npm run bench` writes to bench/results.json, and the targets it is read against. */
import type { ExtractBenchResult } from './bench-extract.ts';
import type { IndexingBench } from './measure-indexing.ts';
import type { RelevanceBench } from './measure-relevance.ts';
import type { LoadFigures, SearchBench } from './measure-search.ts';
import type { WidgetBench } from './measure-widget.ts';
import type { CpuProfileSummary } from './summarize-cpu-profile.ts';

/** A part that could not be measured: why. */
export interface BenchFailure {
  error: string;
}

/** A part's figures, its failure, or null when the mode skipped it. */
export type Part<T> = T | BenchFailure | null;

export interface ProfileFigures extends CpuProfileSummary {
  file: string;
  workload: string;
  load?: LoadFigures;
}

export interface BenchResults {
  /** ISO time the run started. */
  at: string;
  quick: boolean;
  durationSeconds: number;
  commit: string | null;
  /** Corpus measured (the docs-site checkout). */
  corpus: string;
  machine: {
    cpus: number;
    cpuModel: string;
    memoryGb: number;
    node: string;
    /** The benchmarked services' Node when `BENCH_NODE` runs them on another binary. */
    serviceNode?: string;
    platform: string;
    /** 1-minute load average at the start (another job on the machine shows here). */
    loadAverage: number;
  };
  extraction: Part<ExtractBenchResult>;
  indexing: Part<IndexingBench>;
  search: Part<SearchBench>;
  widget: Part<WidgetBench>;
  relevance: Part<RelevanceBench>;
  profiles: {
    extractor: Part<ProfileFigures>;
    api: Part<ProfileFigures>;
  };
  targets: TargetResult[];
}

export interface TargetResult {
  /** What is measured, as the issue says it. */
  name: string;
  /** The goal, e.g. `>= 3x`. */
  goal: string;
  /** The measured value, formatted; `not measured` when it was not. */
  measured: string;
  /** null when not measured. */
  pass: boolean | null;
}

export function isFailure<T>(part: Part<T>): part is BenchFailure {
  return part !== null && typeof part === 'object' && 'error' in part && typeof (part as BenchFailure).error === 'string' && Object.keys(part).length === 1;
}

/** The figures of a part, or null when it failed or was skipped. */
export function figures<T>(part: Part<T>): T | null {
  return part === null || isFailure(part) ? null : part;
}

function target(name: string, goal: string, value: number | null | undefined, format: (v: number) => string, pass: (v: number) => boolean): TargetResult {
  if (value === null || value === undefined || !Number.isFinite(value)) return { name, goal, measured: 'not measured', pass: null };
  return { name, goal, measured: format(value), pass: pass(value) };
}

/** The targets of the other issues, read against the figures. */
export function evaluateTargets(results: Omit<BenchResults, 'targets'>): TargetResult[] {
  const extraction = figures(results.extraction);
  const indexing = figures(results.indexing);
  const search = figures(results.search);
  const widget = figures(results.widget);
  const relevance = figures(results.relevance);
  const devAnswerability = relevance?.answerability?.[0]?.figures;
  const size = (name: string) => indexing?.sizes.find((s) => s.name === name);
  const level = (connections: number) => search?.levels.find((l) => l.connections === connections);
  return [
    target('Extraction speed vs parsing every post (remark-parse + GFM)', '>= 3x', extraction?.speedup, (v) => `${v.toFixed(2)}x`, (v) => v >= 3),
    target('Full reindex of the corpus (1x), time to swapped index', '<= 10 s', size('1x')?.durationMs, (v) => `${(v / 1000).toFixed(1)} s`, (v) => v <= 10_000),
    target('Reindex of the 100x corpus, time to swapped index', '<= 5 min', size('100x')?.durationMs, (v) => `${(v / 1000).toFixed(1)} s`, (v) => v <= 300_000),
    target('Reindex of the 100x corpus, indexer peak memory (RSS)', '<= 500 MB', size('100x')?.indexerPeakRssMb, (v) => `${v} MB`, (v) => v <= 500),
    target('API p50 latency / exact replay of its Meilisearch requests, 1 connection', '<= 1.15', level(1)?.ratios.p50VsReplay, (v) => v.toFixed(2), (v) => v <= 1.15),
    target('API throughput / exact replay of its Meilisearch requests, 32 connections', '>= 0.9', level(32)?.ratios.throughputVsReplay, (v) => v.toFixed(2), (v) => v >= 0.9),
    target('API p50 latency / exact replay, the empty query, 1 connection', '<= 1.3', search?.emptyQuery?.p50VsReplay, (v) => v.toFixed(2), (v) => v <= 1.3),
    target('/widget.js gzipped (as served)', '<= 12 KB', widget?.gzipBytes, (v) => `${(v / 1024).toFixed(1)} KB`, (v) => v <= 12 * 1024),
    target('Relevance success@5 on the dev queries (the service)', '>= 0.94', relevance?.service.s5, (v) => v.toFixed(3), (v) => v >= 0.94),
    target('Relevance MRR@10 on the dev queries (the service)', '>= 0.86', relevance?.service.mrr10, (v) => v.toFixed(3), (v) => v >= 0.86),
    target('Relevance success@5 on real GitHub issue titles (the service)', '>= 0.90', relevance?.sets?.find((s) => s.file === 'bench/queries/issue-titles.json')?.service.s5, (v) => v.toFixed(3), (v) => v >= 0.9),
    target('Relevance success@5 on held-aside staff queries, written blind (the service)', '>= 0.92', relevance?.sets?.find((s) => s.file === 'bench/queries/held-aside-answerable-1.json')?.service.s5, (v) => v.toFixed(3), (v) => v >= 0.92),
    target('Answerability on the dev sets: abstain', '>= 0.80', devAnswerability?.abstain, (v) => v.toFixed(3), (v) => v >= 0.8),
    target('Answerability on the dev sets: confident@5', '>= 0.88', devAnswerability?.confident5, (v) => v.toFixed(3), (v) => v >= 0.88),
    target('Answerability on the dev sets: false strong', '<= 0.05', devAnswerability?.falseStrong, (v) => v.toFixed(3), (v) => v <= 0.05),
  ];
}
