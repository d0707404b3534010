/**
 * Relevance experiments: for each named configuration (index settings, documents, query
 * pipeline), load the records into an index, serve it like `relevance-server.ts` and score it
 * with the shared `relevance.py`. Results are appended to `/tmp/relevance-experiments.jsonl`
 * and printed as rows of the table in `relevance-report.md`.
 *
 *   MEILI_URL=http://127.0.0.1:7791 MEILI_MASTER_KEY=... \
 *     npx tsx scripts/relevance-experiments.ts [records.jsonl] [experiment names... | all]
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { Meilisearch, type Index, type Settings } from 'meilisearch';
import type { QaRecord } from '../src/qa-record.ts';
import { type QueryVariantName, type VariantSpec } from '../src/search/build-query-variants.ts';
import { withRelevanceFields } from '../src/search/relevance-document.ts';
import { getIndexSettings as getRelevanceSettings, getSynonyms } from '../src/search/index-settings.ts';
import type { ExperimentSearchOptions as SearchQaOptions } from './search-with-variants.ts';
import { toSearchDocument } from '../src/search/search-document.ts';
import { createSearchHandler } from './relevance-server.ts';
import { getProjectSynonyms, loadIndex, readRecords } from './relevance-load-index.ts';

const run = promisify(execFile);
const RELEVANCE_PY = process.env.RELEVANCE_PY ?? '/work/shared/tools/relevance.py';
const RESULTS = process.env.RELEVANCE_RESULTS ?? '/tmp/relevance-experiments.jsonl';
/** A second query file scored alongside the dev queries (queries written apart from the tuning, to check generalisation). */
const HELDOUT = process.env.RELEVANCE_HELDOUT;

interface Experiment {
  name: string;
  what: string;
  /** Index settings (default: `getRelevanceSettings`). */
  settings?: () => Settings;
  toDocument?: (record: QaRecord) => object;
  search?: SearchQaOptions;
  /** Facets asked for (default: projects and year; none for an index without filterable fields). */
  facets?: string[];
}

const synonyms = getProjectSynonyms();
/** The index settings with project synonyms only and no bigram fields searched, for the baselines. */
const baseSettings = getRelevanceSettings(synonyms, { searchableAttributes: ['question', 'context', 'answer', 'title', 'asker', 'projects'], synonyms: getSynonyms(synonyms) });
const plainDocument = (record: QaRecord) => toSearchDocument(record);
const onlyVariants = (specs: Partial<Record<QueryVariantName, VariantSpec>>): SearchQaOptions => ({ variants: { variants: specs } });
const spec = (matchingStrategy: VariantSpec['matchingStrategy'], weight = 1): VariantSpec => ({ matchingStrategy, weight });

const EXPERIMENTS: Experiment[] = [
  {
    name: 'meili-defaults',
    what: 'Meilisearch default settings, raw query (matchingStrategy last)',
    settings: () => ({}),
    toDocument: plainDocument,
    search: { variants: { textAttributes: [], variants: { raw: spec('last') } } },
    facets: [],
  },
  {
    name: 'base-settings',
    what: 'index-settings.ts (question>context>answer>title, cmn, project synonyms), raw query',
    settings: () => baseSettings,
    toDocument: plainDocument,
    search: onlyVariants({ raw: spec('last') }),
  },
  {
    name: 'base-no-cmn',
    what: 'as base-settings without localizedAttributes',
    settings: () => ({ ...baseSettings, localizedAttributes: [] }),
    toDocument: plainDocument,
    search: onlyVariants({ raw: spec('last') }),
  },
  {
    name: 'raw-frequency',
    what: 'base-settings, raw query with matchingStrategy frequency',
    settings: () => baseSettings,
    toDocument: plainDocument,
    search: onlyVariants({ raw: spec('frequency') }),
  },
  {
    name: 'topic-last',
    what: 'base-settings, topic words only (stop words dropped), last',
    settings: () => baseSettings,
    toDocument: plainDocument,
    search: onlyVariants({ topic: spec('last') }),
  },
  {
    name: 'topic-frequency',
    what: 'base-settings, topic words only, frequency',
    settings: () => baseSettings,
    toDocument: plainDocument,
    search: onlyVariants({ topic: spec('frequency') }),
  },
  {
    name: 'topic-all',
    what: 'base-settings, topic words only, all',
    settings: () => baseSettings,
    toDocument: plainDocument,
    search: onlyVariants({ topic: spec('all') }),
  },
  {
    name: 'glossary-synonyms',
    what: 'topic frequency + glossary as index synonyms',
    search: onlyVariants({ topic: spec('frequency') }),
  },
  {
    name: 'bigrams-only',
    what: 'bigram fields; whole-query bigram variant only (frequency)',
    search: onlyVariants({ bigrams: spec('frequency') }),
  },
  {
    name: 'rrf-raw-topic-bigrams',
    what: 'raw(last) + topic(frequency) + bigrams(frequency), RRF k=60',
    search: onlyVariants({ raw: spec('last'), topic: spec('frequency'), bigrams: spec('frequency') }),
  },
  {
    name: 'terms-rrf',
    what: 'one search per term (Latin word, bigram, glossary alternatives), each list in RRF',
    search: { ...onlyVariants({ term: spec('last') }), termRanking: 'rrf' },
  },
  {
    name: 'terms-idf',
    what: 'one search per term, combined by idf-weighted ranking scores',
    search: { ...onlyVariants({ term: spec('last') }), termRanking: 'idf' },
  },
  {
    name: 'terms-idf-pairs',
    what: 'terms-idf + neighbouring-term pair searches (all, proximity)',
    search: { ...onlyVariants({ term: spec('last'), pair: spec('all') }), termRanking: 'idf' },
  },
  {
    name: 'rrf-raw-topic-idf',
    what: 'raw(last) + topic(frequency) + idf term list, RRF k=60',
    search: { ...onlyVariants({ raw: spec('last'), topic: spec('frequency'), term: spec('last') }), termRanking: 'idf' },
  },
  {
    name: 'rrf-raw-topic-idf-pairs',
    what: 'raw(last) + topic(frequency) + idf list of terms and pairs, RRF k=60',
    search: { ...onlyVariants({ raw: spec('last'), topic: spec('frequency'), term: spec('last'), pair: spec('all') }), termRanking: 'idf' },
  },
  {
    name: 'terms-idf-interleaved',
    what: 'terms-idf; searchable order question, questionBigrams, context, contextBigrams, answer, answerBigrams, title, projects, asker',
    settings: () => getRelevanceSettings(synonyms, { searchableAttributes: ['question', 'questionBigrams', 'context', 'contextBigrams', 'answer', 'answerBigrams', 'title', 'projects', 'asker'] }),
    search: { ...onlyVariants({ term: spec('last') }), termRanking: 'idf' },
  },
  ...[0.25, 0.5].map((w): Experiment => ({
    name: `terms-idf-pairs-w${w}`,
    what: `terms-idf + pair searches weighted ${w}`,
    search: { ...onlyVariants({ term: spec('last'), pair: spec('all', w) }), termRanking: 'idf' },
  })),
  {
    name: 'terms-idf-ctx',
    what: 'terms-idf, context bigrams in their own field ranked last, all term hits read (window 1000)',
    settings: () => getRelevanceSettings(synonyms, { searchableAttributes: ['question', 'context', 'answer', 'title', 'projects', 'asker', 'questionBigrams', 'answerBigrams', 'contextBigrams'] }),
    search: { ...onlyVariants({ term: spec('last') }), termRanking: 'idf', termCandidates: 1000 },
  },
  {
    name: 'terms-idf-ctx-interleaved',
    what: 'terms-idf-ctx; searchable order question, questionBigrams, answer, answerBigrams, context, contextBigrams, title, projects, asker',
    settings: () => getRelevanceSettings(synonyms, { searchableAttributes: ['question', 'questionBigrams', 'answer', 'answerBigrams', 'context', 'contextBigrams', 'title', 'projects', 'asker'] }),
    search: { ...onlyVariants({ term: spec('last') }), termRanking: 'idf', termCandidates: 1000 },
  },
  {
    name: 'terms-idf-ctx-interleaved-w200',
    what: 'terms-idf-ctx-interleaved, term window 200',
    settings: () => getRelevanceSettings(synonyms, { searchableAttributes: ['question', 'questionBigrams', 'answer', 'answerBigrams', 'context', 'contextBigrams', 'title', 'projects', 'asker'] }),
    search: { ...onlyVariants({ term: spec('last') }), termRanking: 'idf', termCandidates: 200 },
  },
  {
    name: 'ctx-interleaved-rrf-natives-half',
    what: 'terms-idf-ctx-interleaved fused with raw(last) and topic(frequency) at weight 0.5, RRF k=60',
    settings: () => getRelevanceSettings(synonyms, { searchableAttributes: ['question', 'questionBigrams', 'answer', 'answerBigrams', 'context', 'contextBigrams', 'title', 'projects', 'asker'] }),
    search: { ...onlyVariants({ raw: spec('last', 0.5), topic: spec('frequency', 0.5), term: spec('last') }), termRanking: 'idf', termCandidates: 1000 },
  },
  ...[0.5, 1].map((w): Experiment => ({
    name: `terms-joint-w${w}`,
    what: `final + joint bigrams (across two words of a Chinese run) weighted ${w}`,
    search: { ...onlyVariants({ term: spec('last'), joint: spec('last', w) }) },
  })),
  ...[0.5, 1].map((w): Experiment => ({
    name: `terms-joint-w${w}-max40`,
    what: `final + joint bigrams weighted ${w}, at most 40 term searches`,
    search: { ...onlyVariants({ term: spec('last'), joint: spec('last', w) }), variants: { variants: { term: spec('last'), joint: spec('last', w) }, maxTerms: 40 } },
  })),
  ...[0, 0.5].map((r): Experiment => ({
    name: `final-min-relative-${r}`,
    what: `final with minRelativeScore ${r}`,
    search: { minRelativeScore: r },
  })),
  {
    name: 'ablation-no-translation',
    what: 'final without searching English glossary terms by their Chinese equivalents',
    search: { variants: { translate: false } },
  },
  {
    name: 'ablation-no-synonyms',
    what: 'final with no index synonyms (neither project words nor glossary)',
    settings: () => getRelevanceSettings(synonyms, { synonyms: {} }),
  },
  {
    name: 'ablation-project-synonyms-only',
    what: 'final with the project synonyms only (glossary not in index synonyms)',
    settings: () => getRelevanceSettings(synonyms, { synonyms: getSynonyms(synonyms) }),
  },
  {
    name: 'ablation-no-bigrams',
    what: 'final without bigram fields: Chinese words searched as words (Meilisearch segmentation)',
    settings: () => getRelevanceSettings(synonyms, { searchableAttributes: ['question', 'answer', 'context', 'title', 'projects', 'asker'] }),
    toDocument: plainDocument,
    search: { variants: { bigramAttributes: [] } },
  },
  ...[24, 40].map((maxTerms): Experiment => ({
    name: `han-word-or-bigrams-max${maxTerms}`,
    what: `final, a Chinese word is one term: the word (text fields) or any of its bigrams, best counts; at most ${maxTerms} searches`,
    search: { variants: { hanTerms: 'word-or-bigrams', maxTerms } },
  })),
  {
    name: 'final-window-1000',
    what: 'final reading up to 1000 hits per term search',
    search: { termCandidates: 1000 },
  },
  {
    name: 'final',
    what: 'the defaults: getRelevanceSettings + searchQa() without options',
  },
];

async function score(index: Index, search: SearchQaOptions | undefined, queries?: string): Promise<{ line: string; styles: string; output: string }> {
  const server = http.createServer(createSearchHandler(index, search));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const { stdout } = await run('python3', [RELEVANCE_PY, 'api', `http://127.0.0.1:${port}`, '--verbose', ...(queries ? ['--queries', queries] : [])], { maxBuffer: 1 << 24 });
    const lines = stdout.trim().split('\n');
    return { line: lines.at(-1) ?? '', styles: lines.at(-2) ?? '', output: stdout };
  } finally {
    server.close();
  }
}

function parse(line: string, styles: string): Record<string, number> {
  const numbers: Record<string, number> = {};
  for (const match of `${line} ${styles}`.matchAll(/([\w@]+)=([\d.]+)/g)) numbers[match[1]!] = Number(match[2]);
  return numbers;
}

async function main(argv: string[]): Promise<void> {
  const file = argv.find((arg) => arg.endsWith('.jsonl')) ?? '/tmp/records.jsonl';
  const names = argv.filter((arg) => !arg.endsWith('.jsonl'));
  const selected = names.length === 0 || names.includes('all') ? EXPERIMENTS : EXPERIMENTS.filter((e) => names.includes(e.name));
  if (selected.length === 0) throw new Error(`No experiment named ${names.join(', ')}; known: ${EXPERIMENTS.map((e) => e.name).join(', ')}`);
  const host = process.env.MEILI_URL;
  if (!host) throw new Error('Set MEILI_URL (and MEILI_MASTER_KEY) to a Meilisearch for the experiment indexes');
  const client = new Meilisearch({ host, ...(process.env.MEILI_MASTER_KEY ? { apiKey: process.env.MEILI_MASTER_KEY } : {}) });
  const records = await readRecords(file);
  const loaded = new Map<string, Index>();
  for (const experiment of selected) {
    const settings = (experiment.settings ?? (() => getRelevanceSettings(synonyms)))();
    const toDocument = experiment.toDocument ?? ((record: QaRecord) => withRelevanceFields(toSearchDocument(record)));
    const key = JSON.stringify(settings) + toDocument.toString();
    let index = loaded.get(key);
    if (!index) {
      index = await loadIndex(client, `relx_${loaded.size}`, records, { settings, toDocument });
      loaded.set(key, index);
    }
    const { line, styles, output } = await score(index, experiment.search);
    const numbers = parse(line, styles);
    const heldout = HELDOUT ? await score(index, experiment.search, HELDOUT) : undefined;
    const heldoutNumbers = heldout ? parse(heldout.line, heldout.styles) : undefined;
    await fs.appendFile(RESULTS, JSON.stringify({ name: experiment.name, what: experiment.what, at: new Date().toISOString(), numbers, output, heldoutNumbers, heldoutOutput: heldout?.output }) + '\n');
    const f = (key: string, from: Record<string, number> | undefined = numbers) => (from?.[key] ?? 0).toFixed(2);
    console.log(
      `| ${experiment.name} | ${experiment.what} | ${f('s@1')} | ${f('s@5')} | ${f('mrr@10')} | ` +
        `${f('keywords')} | ${f('natural')} | ${f('english')} | ${f('typo')} | ${f('answer')} |` +
        (heldoutNumbers ? ` ${f('s@5', heldoutNumbers)} | ${f('mrr@10', heldoutNumbers)} | ${f('natural', heldoutNumbers)} | ${f('english', heldoutNumbers)} |` : ''),
    );
    if (process.env.VERBOSE) console.log(output, heldout?.output ?? '');
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
