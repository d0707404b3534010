/**
 * CPU of the search core per search (`searchQa`: understanding, ranking, deciding, marking, and
 * the JSON parse of Meilisearch's answers; no HTTP), this checkout's against other checkouts'
 * sources (`--root DIR`, e.g. a `git archive` of the baseline with node_modules linked), in one
 * process, alternating, on Meilisearch's answers recorded once (the bench searches,
 * `bench/search-queries.ts`, on an indexed DATA_DIR). Also checks that every core answers the
 * same (`processingTimeMs` aside).
 *
 *   npx tsx bench/measure-search-core.ts --data-dir /tmp/indexed --root /tmp/base [--rounds 9] [--per 10]
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { searchQa as thisSearchQa } from '../src/search/search-qa.ts';
import { recordMeiliAnswers, SERVICE_SYNONYMS, type SearchQaFunction } from './record-meili-answers.ts';
import { BENCH_QUERIES, toSearchParams, toSearchRequestOf } from './search-queries.ts';
import { median } from './stats.ts';

const { values } = parseArgs({ options: {
  'data-dir': { type: 'string' }, root: { type: 'string', multiple: true, default: [] },
  rounds: { type: 'string', default: '9' }, per: { type: 'string', default: '10' },
} });
if (!values['data-dir']) {
  process.stderr.write('usage: npx tsx bench/measure-search-core.ts --data-dir DIR [--root DIR]... [--rounds 9] [--per 10]\n');
  process.exit(2);
}
const cores: { name: string; searchQa: SearchQaFunction }[] = [{ name: 'this checkout', searchQa: thisSearchQa as SearchQaFunction }];
for (const root of values.root) {
  const module = (await import(path.resolve(root, 'src/search/search-qa.ts'))) as { searchQa: SearchQaFunction };
  cores.push({ name: root, searchQa: module.searchQa });
}
const requests = BENCH_QUERIES.map((query) => toSearchRequestOf(toSearchParams(query.params)));
const recorded = await recordMeiliAnswers(values['data-dir'], cores.map((core) => core.searchQa), requests);
const replay = {
  post: async (p: string, body: string) => {
    const text = recorded.get(`${p}\n${body}`);
    if (text === undefined) throw new Error(`not recorded: ${p} ${body.slice(0, 200)}`);
    return JSON.parse(text) as unknown;
  },
};
const run = (core: (typeof cores)[number], request: (typeof requests)[number]) => core.searchQa({ uid: 'qa', transport: replay }, request, { multiSearchRequests: 2, synonyms: SERVICE_SYNONYMS });
let differing = 0;
for (const request of requests) {
  const answers = new Set<string>();
  for (const core of cores) answers.add(JSON.stringify({ ...(await run(core, request)) as object, processingTimeMs: 0 }));
  if (answers.size > 1) {
    differing += 1;
    process.stderr.write(`answers differ: ${JSON.stringify(request)}\n`);
  }
}
const cpuMs = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};
const rounds = Number(values.rounds);
const per = Number(values.per);
const figures = new Map<string, number[]>();
for (let r = 0; r < rounds; r++) {
  for (const core of r % 2 ? [...cores].reverse() : cores) {
    const before = cpuMs();
    for (let i = 0; i < per; i++) for (const request of requests) await run(core, request);
    figures.set(core.name, [...(figures.get(core.name) ?? []), (cpuMs() - before) / (per * requests.length)]);
  }
}
process.stdout.write(`${requests.length} searches, answers differing between the cores: ${differing}\n`);
for (const [name, list] of figures) process.stdout.write(`${name}: ${median(list).toFixed(3)} ms CPU per search (median of ${rounds} rounds; min ${Math.min(...list).toFixed(3)})\n`);
