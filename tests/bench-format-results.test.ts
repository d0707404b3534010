import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { evaluateTargets, type BenchResults } from '../bench/bench-results.ts';
import { formatResultsMarkdown, formatSummary } from '../bench/format-results.ts';
import { parseAnswerabilityOutput, parseRelevanceOutput } from '../bench/measure-relevance.ts';
import { median, percentile } from '../bench/stats.ts';
import { categoryOf, moduleOf, resolveSourceMaps, summarizeCpuProfile, type CpuProfile } from '../bench/summarize-cpu-profile.ts';

// The benchmark report's pure parts, on made-up figures (no timing is measured or asserted here).

const load = (p50: number, rps: number) => ({ p50, p95: p50 * 2, p99: p50 * 3, mean: p50 * 1.1, rps });

function fakeResults(): Omit<BenchResults, 'targets'> {
  return {
    at: '2026-01-02T03:04:05.000Z',
    quick: true,
    durationSeconds: 95,
    commit: '0123456789abcdef',
    corpus: '../shared/corpus/sofastack.tech',
    machine: { cpus: 2, cpuModel: 'Test CPU', memoryGb: 8, node: 'v20.0.0', platform: 'linux', loadAverage: 0.5 },
    extraction: {
      folder: '/c', runs: 2, files: 500, megabytes: 6, weeklyPosts: 190, pairs: 750, extractorMs: 800, naiveParseMs: 3200, speedup: 4,
      postsPerSecond: 625, megabytesPerSecond: 7.5, pairsPerSecond: 937, extractorRunsMs: [800, 810], naiveRunsMs: [3200, 3100],
    },
    indexing: {
      sizes: [{ name: '1x', factor: 1, files: 520, megabytes: 6, postsRead: 520, documents: 754, runs: 2, durationMs: 4200, durationsMs: [4100, 4300], indexerPeakRssMb: 190, meiliPeakRssMb: null, msPer1000Documents: 5570 }],
      growth: [],
    },
    search: {
      documents: 754,
      queries: [{ kind: 'keywords', params: { q: 'jraft' } }, { kind: 'empty', params: { q: '' } }],
      durationSeconds: 2,
      rounds: 1,
      levels: [1, 32].map((connections) => ({
        connections,
        api: load(8, 100), meiliReplay: load(6, 130), meiliPlain: load(2, 330),
        ratios: { p50VsReplay: connections === 1 ? 1.33 : 1.2, throughputVsReplay: connections === 1 ? 0.77 : 0.69, p50VsPlain: 4, throughputVsPlain: 0.3, p50ReplayVsPlain: 3 },
        rounds: [],
      })),
      emptyQuery: { api: load(3, 300), meiliReplay: load(2.5, 380), p50VsReplay: 1.2, throughputVsReplay: 0.79 },
      pipeline: { httpRequestsPerSearch: 2.1, queriesPerSearch: 5.8, dependentFetchShare: 0.45 },
      plain: { queriesPerSearch: 1.1 },
    },
    widget: { error: 'chromium is missing' },
    relevance: {
      records: 754,
      service: { s1: 0.76, s5: 0.94, s5NotHard: 0.98, s5Hard: 0, mrr10: 0.836, n: 50, byStyle: { keywords: 1, english: 0.75 } },
      meiliDefault: { s1: 0.4, s5: 0.6, s5NotHard: 0.62, s5Hard: 0, mrr10: 0.49, n: 50, byStyle: { keywords: 0.56 } },
      answerability: [{ name: 'dev', figures: { abstain: 0.833, confident5: 0.82, falseStrong: 0.02, nNoAnswer: 30, nAnswerable: 50 } }],
    },
    profiles: { extractor: null, api: null },
  };
}

test('targets: pass, fail, and not measured', () => {
  const targets = evaluateTargets(fakeResults());
  const byName = (start: string) => targets.find((t) => t.name.startsWith(start))!;
  assert.deepEqual(byName('Extraction speed'), { name: byName('Extraction speed').name, goal: '>= 3x', measured: '4.00x', pass: true });
  assert.equal(byName('Full reindex').pass, true);
  assert.equal(byName('Reindex of the 100x corpus, time').pass, null, '100x not measured in quick mode');
  assert.equal(byName('Reindex of the 100x corpus, time').measured, 'not measured');
  assert.equal(byName('API p50 latency / exact replay of').pass, false, '1.33 > 1.15');
  assert.equal(byName('API throughput').pass, false, '0.69 < 0.9 at 32 connections');
  assert.equal(byName('API p50 latency / exact replay, the empty query').pass, true, '1.2 <= 1.3');
  assert.equal(byName('/widget.js').pass, null, 'the widget part failed');
  assert.equal(byName('Relevance success@5 on the dev').pass, true);
  assert.equal(byName('Relevance MRR@10').pass, false, '0.836 < 0.86');
  assert.equal(byName('Relevance success@5 on real GitHub').pass, null, 'the issue-title set was not measured');
  assert.equal(byName('Answerability on the dev sets: abstain').pass, true, '0.833 >= 0.80');
  assert.equal(byName('Answerability on the dev sets: confident@5').pass, false, '0.82 < 0.88');
});

test('the quick report: one line per part, failures and every target', () => {
  const results = { ...fakeResults(), targets: [] } as BenchResults;
  results.targets = evaluateTargets(results);
  const text = formatSummary(results);
  assert.match(text, /^bench \(quick\): 2 cores, 8 GB/);
  assert.match(text, /extraction {2}625 posts\/s, 7\.5 MB\/s, 937 pairs\/s; 4x the naive parse/);
  assert.match(text, /indexing {4}1x 4\.2 s \(754 docs, 190 MB\)/);
  assert.match(text, /search x32 +API p50 8\.00 ms 100\/s \| replay 6\.00 ms 130\/s \| plain 2\.00 ms 330\/s \| API\/replay p50 1\.2 rps 0\.69/);
  assert.match(text, /widget FAILED: chromium is missing/);
  assert.match(text, /relevance {3}service s@5 0\.940 MRR@10 0\.836 \| default Meilisearch s@5 0\.600/);
  assert.equal(text.split('\n').filter((line) => /^ {2}(pass|FAIL|n\/a) /.test(line)).length, results.targets.length);
});

test('RESULTS.md: machine, targets table, sections, ratio definitions, notes', () => {
  const results = { ...fakeResults(), quick: false, targets: [] } as BenchResults;
  results.targets = evaluateTargets(results);
  const md = formatResultsMarkdown(results, { notes: 'Where the time goes: here.' });
  assert.match(md, /\*\*Machine: 2 cores\*\* \(Test CPU\), \*\*8 GB memory\*\*/);
  assert.match(md, /\| API p50 latency \/ exact replay of its Meilisearch requests, 1 connection \| <= 1\.15 \| 1\.33 \| \*\*FAIL\*\* \|/);
  for (const heading of ['## Targets', '## Extraction', '## Indexing', '## Search', '## Widget', '## Relevance', '## Where the time goes', '## Interpretation']) {
    assert.ok(md.includes(`\n${heading}\n`), heading);
  }
  assert.match(md, /API \/ exact replay is the ratio the targets are read on/);
  assert.match(md, /The empty query alone .*\*\*1\.2x\*\*/);
  assert.match(md, /_Widget failed: chromium is missing_/);
  assert.match(md, /_Extractor: not measured in this mode\._/);
  assert.ok(md.endsWith('Where the time goes: here.\n'));
  assert.ok(!md.includes('undefined') && !md.includes('NaN'));
});

test('relevance.py output is parsed', () => {
  const figures = parseRelevanceOutput('  miss #3\nsuccess@5 by style: answer=1.00 english=0.75\nrelevance: s@1=0.760 s@5=0.940 s@5_nothard=0.979 s@5_hard=0.000 mrr@10=0.836 n=50\n');
  assert.deepEqual(figures, { s1: 0.76, s5: 0.94, s5NotHard: 0.979, s5Hard: 0, mrr10: 0.836, n: 50, byStyle: { answer: 1, english: 0.75 } });
  assert.throws(() => parseRelevanceOutput('Traceback...'), /no summary line/);
});

test('CPU profile: self time per function, module and area, within a time window', () => {
  const frame = (functionName: string, url = '') => ({ functionName, url, lineNumber: 9 });
  const profile: CpuProfile = {
    nodes: [
      { id: 1, callFrame: frame('(root)'), children: [2, 3, 4] },
      { id: 2, callFrame: frame('(idle)') },
      { id: 3, callFrame: frame('go', 'file:///p/node_modules/micromark/lib/x.js') },
      { id: 4, callFrame: frame('classifyLine', 'file:///p/indexer/classify-line.ts') },
    ],
    startTime: 1000,
    endTime: 1600,
    samples: [3, 3, 4, 2, 3],
    timeDeltas: [100, 100, 100, 100, 100],
  };
  const summary = summarizeCpuProfile(profile, { root: '/p' });
  assert.equal(summary.idleMs, 0.1);
  assert.equal(summary.busyMs, 0.3);
  assert.deepEqual(summary.byModule.map((m) => [m.name, m.percent]), [['micromark', 66.7], ['indexer/classify-line.ts', 33.3]]);
  assert.equal(summary.topFunctions[0]?.location, 'micromark:10');
  assert.equal(summary.byCategory[0]?.name, categoryOf('micromark'));
  const windowed = summarizeCpuProfile(profile, { root: '/p', fromUs: 1250, toUs: 1350 });
  assert.deepEqual(windowed.byModule.map((m) => m.name), ['indexer/classify-line.ts']);
  assert.equal(moduleOf('file:///p/node_modules/@scope/pkg/a.js', 'f', '/p'), '@scope/pkg');
  assert.equal(moduleOf('node:internal/streams/readable', 'f', '/p'), 'node:internal/streams/readable');
  assert.equal(moduleOf('', '(garbage collector)', '/p'), '(garbage collector)');
});

test('median and percentile', () => {
  assert.equal(median([3, 1, 2]), 2);
  assert.equal(median([4, 1, 2, 3]), 2.5);
  assert.ok(Number.isNaN(median([])));
  assert.equal(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 50), 5);
  assert.equal(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 95), 10);
  assert.equal(percentile([5], 99), 5);
});

test('the answerability figures are read from the summary line of the scorer, and a run without one is an error', () => {
  const figures = parseAnswerabilityOutput('  claimed an answer: ...\nanswerability: abstain=0.833 confident@5=0.820 false_strong=0.020 s@5=0.960 n_noanswer=30 n_answerable=50\n');
  assert.deepEqual(figures, { abstain: 0.833, confident5: 0.82, falseStrong: 0.02, nNoAnswer: 30, nAnswerable: 50 });
  assert.throws(() => parseAnswerabilityOutput('Traceback...'), /no summary line/);
});

test('CPU profile: a frame in a bundled file is named by the source it was bundled from', async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'weekly-faq-profile-map-'));
  try {
    await fs.writeFile(path.join(dir, 'rank-things.ts'), 'export function rankThings(xs: number[]): number[] {\n  return xs.sort((a, b) => b - a);\n}\n');
    await fs.writeFile(path.join(dir, 'entry.ts'), "import { rankThings } from './rank-things.ts';\nconsole.log(rankThings([1, 2]));\n");
    await build({ entryPoints: [path.join(dir, 'entry.ts')], bundle: true, format: 'esm', platform: 'node', sourcemap: true, outfile: path.join(dir, 'out', 'main.js'), logLevel: 'silent' });
    const bundled = await fs.readFile(path.join(dir, 'out', 'main.js'), 'utf8');
    const line = bundled.split('\n').findIndex((l) => l.includes('xs.sort'));
    assert.ok(line >= 0);
    const profile: CpuProfile = {
      nodes: [{ id: 1, callFrame: { functionName: 'rankThings', url: pathToFileURL(path.join(dir, 'out', 'main.js')).href, lineNumber: line, columnNumber: 2 } }],
      startTime: 0, endTime: 2000, samples: [1, 1], timeDeltas: [0, 1000],
    };
    const summary = summarizeCpuProfile(await resolveSourceMaps(profile), { root: dir });
    assert.equal(summary.byModule[0]?.name, 'rank-things.ts');
    assert.equal(summary.topFunctions[0]?.location, 'rank-things.ts:2');
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
});
