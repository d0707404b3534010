/** bench/RESULTS.md and the short console report, from the results (pure). */
import { figures, isFailure, type BenchResults, type Part, type ProfileFigures, type TargetResult } from './bench-results.ts';
import type { LoadFigures, SearchBench, SearchLevel } from './measure-search.ts';

const ms = (v: number, digits = 1) => `${v.toFixed(digits)} ms`;
const seconds = (v: number) => `${(v / 1000).toFixed(1)} s`;
const passMark = (pass: boolean | null) => (pass === null ? 'n/a' : pass ? 'pass' : '**FAIL**');

function table(head: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.map((c) => String(c).replace(/\|/g, '\\|')).join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

/** A part that failed or was skipped, as one line; null when it has figures. */
function missing(part: Part<unknown>, what: string): string | null {
  if (part === null) return `_${what}: not measured in this mode._`;
  if (isFailure(part)) return `_${what} failed: ${part.error}_`;
  return null;
}

function targetsTable(targets: TargetResult[]): string {
  return table(['target', 'goal', 'measured', ''], targets.map((t) => [t.name, t.goal, t.measured, passMark(t.pass)]));
}

function extractionSection(results: BenchResults): string {
  const e = figures(results.extraction);
  const lines = ['## Extraction', ''];
  if (!e) return [...lines, missing(results.extraction, 'Extraction') ?? ''].join('\n');
  lines.push(
    `The extractor over the whole corpus (${e.files} markdown files, ${e.megabytes} MB; ${e.weeklyPosts} weekly posts, ${e.pairs} pairs) `
    + `against the naive floor: reading every file and parsing it with remark-parse + GFM. Both timed back to back in each of ${e.runs} runs (order alternating); medians.`,
    '',
    table(['', 'median time', 'posts/s', 'MB/s', 'pairs/s'], [
      ['extractor', ms(e.extractorMs, 0), e.postsPerSecond, e.megabytesPerSecond, e.pairsPerSecond],
      ['remark-parse + GFM of every file', ms(e.naiveParseMs, 0), Math.round(e.files / (e.naiveParseMs / 1000)), (e.megabytes / (e.naiveParseMs / 1000)).toFixed(2), '-'],
    ]),
    '',
    `Posts/s and MB/s count every markdown file read, weekly or not. **Ratio: the extractor is ${e.speedup}x faster than the naive parse** (median of the per-run ratios; target >= 3x).`,
  );
  return lines.join('\n');
}

function indexingSection(results: BenchResults): string {
  const ix = figures(results.indexing);
  const lines = ['## Indexing', ''];
  if (!ix) return [...lines, missing(results.indexing, 'Indexing') ?? ''].join('\n');
  lines.push(
    'Time from the start of a forced reindex to the swapped live index (extract, upload in batches, wait for every task, verify, swap), '
    + 'each run in a child process of its own (its peak RSS is the indexer\'s alone), on one embedded Meilisearch. Larger corpora are the real one '
    + 'with every weekly post copied N-1 times with varied text (`scripts/generate-corpus.ts`).',
    '',
    table(['corpus', 'files', 'MB', 'documents', 'time to swapped index', 'runs', 'per 1,000 docs', 'indexer peak RSS', 'Meilisearch peak RSS (so far)'],
      ix.sizes.map((s) => [s.name, s.files, s.megabytes, s.documents, seconds(s.durationMs), s.runs, ms(s.msPer1000Documents, 0), `${s.indexerPeakRssMb} MB`, s.meiliPeakRssMb === null ? '?' : `${s.meiliPeakRssMb} MB`])),
  );
  if (ix.growth.length) {
    lines.push('', 'Growth between sizes (time per document ratio: 1.0 is linear; below 1, the fixed costs are amortized):', '',
      table(['from', 'to', 'documents x', 'time x', 'time per document x', 'indexer memory x'],
        ix.growth.map((g) => [g.from, g.to, g.documentsRatio, g.timeRatio, g.perDocumentRatio, g.memoryRatio])));
  }
  return lines.join('\n');
}

function loadRow(connections: number, name: string, f: LoadFigures): (string | number)[] {
  return [connections, name, ms(f.p50, 2), ms(f.p95, 2), ms(f.p99, 2), f.rps.toFixed(0)];
}

/** Results written before the exact replay (issue 13) compared the API with merged queries: not rendered as if comparable. */
function isCurrentSearch(s: SearchBench): boolean {
  return s.levels.every((l) => 'meiliReplay' in l);
}

const OLD_SEARCH_NOTE = '_Search: measured with the earlier method (Meilisearch doing the same queries merged into one multi-search), '
  + 'which these reports no longer render; run `npm run bench` for the comparison with the exact replay._';

function searchSection(results: BenchResults): string {
  const s = figures(results.search);
  const lines = ['## Search', ''];
  if (!s) return [...lines, missing(results.search, 'Search') ?? ''].join('\n');
  if (!isCurrentSearch(s)) return [...lines, OLD_SEARCH_NOTE].join('\n');
  const kinds = [...new Set(s.queries.map((q) => q.kind))].join(', ');
  lines.push(
    `${s.queries.length} fixed searches (${kinds}; list in \`bench/search-queries.ts\`) on ${s.documents} documents, cycled by every connection of the load generator, `
    + `${s.durationSeconds} s per run, ${s.rounds} round${s.rounds === 1 ? '' : 's'} per concurrency; each round runs the three targets back to back (rotating order). Figures: medians over the rounds. `
    + 'Responses uncompressed on every side.',
    '',
    '- **API**: `GET /api/search` on the compiled service (`dist/api/main.js`, info logging, rate limiter on), which runs the relevance pipeline (`searchQa`): '
    + `on average ${s.pipeline.httpRequestsPerSearch} HTTP requests to Meilisearch per search when it is the only one in flight, holding ${s.pipeline.queriesPerSearch} Meilisearch queries `
    + '(term searches reading ids, the best documents of each term, the document count for idf, the term searches again under each facet\'s own filter left out, '
    + 'and the page\'s documents by id when the prefetched ones miss some). A lone search splits its multi-search over two concurrent requests, which an idle '
    + 'Meilisearch answers on two threads; while other searches are in flight it sends one (`idleSearchRequests` in api/meili-search-backend.ts).',
    '- **Meilisearch, exact replay**: the requests the API sends to Meilisearch for that search, recorded from the API\'s own backend code and '
    + 'replayed as sent: the same bodies and headers, the same concurrency (split when alone in flight, one request otherwise) and the dependent '
    + `page fetch after them (${Math.round(s.pipeline.dependentFetchShare * 100)}% of the searches). `
    + '**API / exact replay is the ratio the targets are read on** (latency <= 1.15, throughput >= 0.9, the empty query <= 1.3): the cost of the service itself. '
    + 'Every target is driven by the same load generator (bench/run-search-load.ts); the service runs compiled, with info logging and the rate limiter on, '
    + 'and with its cache of the empty query\'s answer off (`LISTING_CACHE_SECONDS=0`): every search, the empty query too, is computed.',
    `- **Meilisearch, plain search**: one plain multi-search per search (${s.plain.queriesPerSearch} queries: the page of hits with highlights and facets, `
    + 'plus a count query per filtered facet), what a bare Meilisearch search costs. **API / plain** is the whole cost of the relevance pipeline; '
    + '**replay / plain** is the part of it spent inside Meilisearch.',
    '',
    table(['connections', 'target', 'p50', 'p95', 'p99', 'searches/s'], s.levels.flatMap((l: SearchLevel) => [
      loadRow(l.connections, 'API', l.api),
      loadRow(l.connections, 'Meilisearch, exact replay', l.meiliReplay),
      loadRow(l.connections, 'Meilisearch, plain search', l.meiliPlain),
    ])),
    '',
    'Ratios (medians of the per-round ratios):',
    '',
    table(['connections', 'API / replay: p50', 'API / replay: throughput', 'API / plain: p50', 'API / plain: throughput', 'replay / plain: p50'],
      s.levels.map((l) => [l.connections, l.ratios.p50VsReplay, l.ratios.throughputVsReplay, l.ratios.p50VsPlain, l.ratios.throughputVsPlain, l.ratios.p50ReplayVsPlain])),
  );
  if (s.emptyQuery) {
    const e = s.emptyQuery;
    lines.push('', `The empty query alone (the page's first screen), 1 connection: API p50 ${e.api.p50} ms, exact replay ${e.meiliReplay.p50} ms: `
      + `**${e.p50VsReplay}x** (throughput ${e.throughputVsReplay}x).`);
  }
  return lines.join('\n');
}

function widgetSection(results: BenchResults): string {
  const w = figures(results.widget);
  const lines = ['## Widget', ''];
  if (!w) return [...lines, missing(results.widget, 'Widget') ?? ''].join('\n');
  const where = w.page === 'demo'
    ? 'the demo docs page (`/demo` on `localhost`, the widget and API on `127.0.0.1`: another origin, as on a docs site)'
    : `the search page \`/\` (${w.fallbackReason ?? 'the demo page was not available'})`;
  lines.push(
    table(['', 'value'], [
      ['`/widget.js` as served (gzip)', `${w.gzipBytes} bytes (${(w.gzipBytes / 1024).toFixed(1)} KB)`],
      ['`/widget.js` gzip -9 / raw', `${w.gzipLevel9Bytes} / ${w.rawBytes} bytes`],
      [`last keystroke to rendered results, median of ${w.runs}`, ms(w.keystrokeToResultsMs.median)],
      ['p90 / min / max', `${ms(w.keystrokeToResultsMs.p90)} / ${ms(w.keystrokeToResultsMs.min)} / ${ms(w.keystrokeToResultsMs.max)}`],
      ['to the next animation frame, median', ms(w.keystrokeToFrameMs.median)],
    ]),
    '',
    `Measured on ${where} in headless Chromium (${w.browser ?? '/usr/bin/chromium'}), a fresh browser context per run (no HTTP cache), `
    + `typing ${w.queries.map((q) => `\`${q}\``).join(', ')} with 60 ms between keys; from the last \`input\` event to the DOM change that shows the full query's results. `
    + `It ${w.debounceNote}.`,
  );
  return lines.join('\n');
}

function relevanceSection(results: BenchResults): string {
  const r = figures(results.relevance);
  const lines = ['## Relevance', ''];
  if (!r) return [...lines, missing(results.relevance, 'Relevance') ?? ''].join('\n');
  const styles = [...new Set([r.service, r.meiliDefault, ...(r.sets ?? []).flatMap((set) => [set.service, set.meiliDefault])].flatMap((f) => Object.keys(f.byStyle)))].sort();
  const row = (name: string, f: typeof r.service) => [name, f.s1.toFixed(3), f.s5.toFixed(3), f.s5NotHard.toFixed(3), f.s5Hard.toFixed(3), f.mrr10.toFixed(3), f.n,
    styles.map((s) => `${s} ${f.byStyle[s]?.toFixed(2) ?? '-'}`).join(', ')];
  lines.push(
    '`../shared/tools/relevance.py` on the dev queries (`../shared/gold/dev-queries.json`), side by side: `api` mode on the running service, '
    + `and \`meili\` mode on the same ${r.records} records (\`toSearchDocument\`) in an index with Meilisearch's default settings, on the same server.`,
    '',
    table(['', 's@1', 's@5', 's@5 not hard', 's@5 hard', 'MRR@10', 'n', 's@5 by style'], [
      row('the service (relevance pipeline)', r.service),
      row('Meilisearch, default settings', r.meiliDefault),
      ...(r.sets ?? []).flatMap((set) => [row(`${set.name}: the service`, set.service), row(`${set.name}: Meilisearch, default settings`, set.meiliDefault)]),
    ]),
  );
  if (r.answerability?.length) {
    lines.push(
      '',
      '`../shared/tools/answerability.py` on the service: does it know when it has an answer (hits marked `match: "strong"`)? '
      + 'Meilisearch alone marks nothing, so every hit counts as strong there: it abstains on 0 of the no-answer queries.',
      '',
      table(['sets', 'abstain', 'confident@5', 'false strong', 'no-answer / answerable queries'],
        r.answerability.map(({ name, figures: a }) => [name, a.abstain.toFixed(3), a.confident5.toFixed(3), a.falseStrong.toFixed(3), `${a.nNoAnswer} / ${a.nAnswerable}`])),
    );
  }
  return lines.join('\n');
}

function profileBlock(title: string, part: Part<ProfileFigures>): string {
  const p = figures(part);
  if (!p) return [`### ${title}`, '', missing(part, title) ?? ''].join('\n');
  const lines = [
    `### ${title}`,
    '',
    `${p.workload}: ${seconds(p.totalMs)} profiled, ${seconds(p.busyMs)} busy (on the CPU), ${seconds(p.idleMs)} idle (waiting for I/O); `
    + `GC ${p.gcMs.toFixed(0)} ms. Shares are of the busy time.${p.load ? ` Load while profiling: ${p.load.rps.toFixed(0)} searches/s, p50 ${ms(p.load.p50)}.` : ''} Profile: \`${p.file}\` (not committed).`,
    '',
    table(['area (self time)', 'ms', '%'], (p.byCategory ?? []).filter((c) => c.percent >= 1).map((c) => [c.name, c.selfMs.toFixed(0), c.percent.toFixed(1)])),
    '',
    table(['module (self time)', 'ms', '%'], p.byModule.slice(0, 10).map((m) => [m.name, m.selfMs.toFixed(0), m.percent.toFixed(1)])),
    '',
    table(['function (self time)', 'where', 'ms', '%'], p.topFunctions.slice(0, 12).map((f) => [f.name, f.location || '-', f.selfMs.toFixed(0), f.percent.toFixed(1)])),
  ];
  return lines.join('\n');
}

/** bench/RESULTS.md. `notes`: the hand-written interpretation (bench/interpretation.md), if any. */
export function formatResultsMarkdown(results: BenchResults, options: { notes?: string } = {}): string {
  const m = results.machine;
  const header = [
    '# Benchmark results',
    '',
    `Generated by \`npm run bench${results.quick ? ' -- --quick' : ''}\` on ${results.at.slice(0, 16).replace('T', ' ')} UTC`
    + `${results.commit ? ` at commit \`${results.commit.slice(0, 10)}\`` : ''} in ${Math.round(results.durationSeconds)} s. Figures in \`bench/results.json\`.`,
    '',
    `**Machine: ${m.cpus} cores** (${m.cpuModel}), **${m.memoryGb} GB memory**, Node ${m.node}${m.serviceNode ? ` (the services on Node ${m.serviceNode}, \`BENCH_NODE\`)` : ''}, ${m.platform}; load average ${m.loadAverage.toFixed(2)} at the start. `
    + 'The machine is shared and noisy: every figure is a median of several runs, and every comparison is a ratio of two things measured side by side in the same run.',
    '',
    `Corpus: \`${results.corpus}\`.`,
    '',
    '## Targets',
    '',
    targetsTable(results.targets),
  ];
  const sections = [
    header.join('\n'),
    extractionSection(results),
    indexingSection(results),
    searchSection(results),
    widgetSection(results),
    relevanceSection(results),
    ['## Where the time goes', '',
      'Self time per module and per function from `node --cpu-prof` profiles, summed by `bench/summarize-cpu-profile.ts` '
      + '(open the `.cpuprofile` files in Chrome DevTools or speedscope for a flame graph). Functions of project files compiled by tsx carry no line numbers.',
      '', profileBlock('Extractor', results.profiles.extractor), '', profileBlock('API under load', results.profiles.api)].join('\n'),
  ];
  if (options.notes?.trim()) sections.push(`## Interpretation\n\n${options.notes.trim()}`);
  return `${sections.join('\n\n')}\n`;
}

/** The short console report (what `--quick` prints while developing). */
export function formatSummary(results: BenchResults): string {
  const lines: string[] = [`bench${results.quick ? ' (quick)' : ''}: ${results.machine.cpus} cores, ${results.machine.memoryGb} GB, load ${results.machine.loadAverage.toFixed(2)}, ${Math.round(results.durationSeconds)} s`];
  const e = figures(results.extraction);
  if (e) lines.push(`extraction  ${e.postsPerSecond} posts/s, ${e.megabytesPerSecond} MB/s, ${e.pairsPerSecond} pairs/s; ${e.speedup}x the naive parse`);
  const ix = figures(results.indexing);
  if (ix) lines.push(`indexing    ${ix.sizes.map((s) => `${s.name} ${seconds(s.durationMs)} (${s.documents} docs, ${s.indexerPeakRssMb} MB)`).join('; ')}`);
  const s = figures(results.search);
  if (s && !isCurrentSearch(s)) lines.push(OLD_SEARCH_NOTE);
  else if (s) {
    for (const l of s.levels) {
      lines.push(`search x${String(l.connections).padEnd(3)} API p50 ${ms(l.api.p50, 2)} ${l.api.rps.toFixed(0)}/s | replay ${ms(l.meiliReplay.p50, 2)} ${l.meiliReplay.rps.toFixed(0)}/s | plain ${ms(l.meiliPlain.p50, 2)} ${l.meiliPlain.rps.toFixed(0)}/s | API/replay p50 ${l.ratios.p50VsReplay} rps ${l.ratios.throughputVsReplay}`);
    }
    if (s.emptyQuery) {
      lines.push(`search q=''  API p50 ${ms(s.emptyQuery.api.p50, 2)} | replay ${ms(s.emptyQuery.meiliReplay.p50, 2)} | API/replay p50 ${s.emptyQuery.p50VsReplay}`);
    }
  }
  const w = figures(results.widget);
  if (w) lines.push(`widget      ${(w.gzipBytes / 1024).toFixed(1)} KB gzipped; keystroke to results ${ms(w.keystrokeToResultsMs.median)} (${w.page}, median of ${w.runs})`);
  const r = figures(results.relevance);
  if (r) lines.push(`relevance   service s@5 ${r.service.s5.toFixed(3)} MRR@10 ${r.service.mrr10.toFixed(3)} | default Meilisearch s@5 ${r.meiliDefault.s5.toFixed(3)} MRR@10 ${r.meiliDefault.mrr10.toFixed(3)}`);
  for (const [name, part] of Object.entries({ extraction: results.extraction, indexing: results.indexing, search: results.search, widget: results.widget, relevance: results.relevance, 'extractor profile': results.profiles.extractor, 'API profile': results.profiles.api })) {
    if (isFailure(part)) lines.push(`${name} FAILED: ${part.error}`);
  }
  lines.push('targets:');
  for (const t of results.targets) lines.push(`  ${passMark(t.pass).replace(/\*/g, '').padEnd(4)}  ${t.name}: ${t.measured} (${t.goal})`);
  return `${lines.join('\n')}\n`;
}
