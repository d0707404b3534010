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
import { DEFAULT_VARIANT_SPECS, type QueryVariantName, type VariantSpec } from '../src/search/build-query-variants.ts';
import { getSynonyms } from '../src/search/index-settings.ts';
import { withRelevanceFields } from '../src/search/relevance-document.ts';
import { getRelevanceSettings, TEXT_ATTRIBUTES } from '../src/search/relevance-settings.ts';
import type { SearchQaOptions } from '../src/search/search-qa.ts';
import { toSearchDocument } from '../src/search/search-document.ts';
import { createSearchHandler } from './relevance-server.ts';
import { getProjectSynonyms, loadIndex, readRecords } from './relevance-load-index.ts';

const run = promisify(execFile);
const RELEVANCE_PY = process.env.RELEVANCE_PY ?? '/work/shared/tools/relevance.py';
const RESULTS = process.env.RELEVANCE_RESULTS ?? '/tmp/relevance-experiments.jsonl';

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
const plainDocument = (record: QaRecord) => toSearchDocument(record);
const onlyVariants = (specs: Partial<Record<QueryVariantName, VariantSpec>>): SearchQaOptions => ({ variants: { variants: specs } });
const spec = (matchingStrategy: VariantSpec['matchingStrategy'], weight = 1): VariantSpec => ({ matchingStrategy, weight });
const D = DEFAULT_VARIANT_SPECS;

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
    settings: () => ({ ...getRelevanceSettings(synonyms), searchableAttributes: ['question', 'context', 'answer', 'title', 'asker', 'projects'], synonyms: getSynonyms(synonyms) }),
    toDocument: plainDocument,
    search: onlyVariants({ raw: spec('last') }),
  },
  {
    name: 'base-no-cmn',
    what: 'as base-settings without localizedAttributes',
    settings: () => ({ ...getRelevanceSettings(synonyms), localizedAttributes: [], searchableAttributes: ['question', 'context', 'answer', 'title', 'asker', 'projects'], synonyms: getSynonyms(synonyms) }),
    toDocument: plainDocument,
    search: onlyVariants({ raw: spec('last') }),
  },
  {
    name: 'raw-frequency',
    what: 'base-settings, raw query with matchingStrategy frequency',
    settings: () => ({ ...getRelevanceSettings(synonyms), searchableAttributes: ['question', 'context', 'answer', 'title', 'asker', 'projects'], synonyms: getSynonyms(synonyms) }),
    toDocument: plainDocument,
    search: onlyVariants({ raw: spec('frequency') }),
  },
  {
    name: 'topic-last',
    what: 'base-settings, topic words only (stop words dropped), last',
    settings: () => ({ ...getRelevanceSettings(synonyms), searchableAttributes: ['question', 'context', 'answer', 'title', 'asker', 'projects'], synonyms: getSynonyms(synonyms) }),
    toDocument: plainDocument,
    search: onlyVariants({ topic: spec('last') }),
  },
  {
    name: 'topic-frequency',
    what: 'base-settings, topic words only, frequency',
    settings: () => ({ ...getRelevanceSettings(synonyms), searchableAttributes: ['question', 'context', 'answer', 'title', 'asker', 'projects'], synonyms: getSynonyms(synonyms) }),
    toDocument: plainDocument,
    search: onlyVariants({ topic: spec('frequency') }),
  },
  {
    name: 'topic-all',
    what: 'base-settings, topic words only, all',
    settings: () => ({ ...getRelevanceSettings(synonyms), searchableAttributes: ['question', 'context', 'answer', 'title', 'asker', 'projects'], synonyms: getSynonyms(synonyms) }),
    toDocument: plainDocument,
    search: onlyVariants({ topic: spec('all') }),
  },
  {
    name: 'glossary-synonyms',
    what: 'topic frequency + glossary as index synonyms',
    search: onlyVariants({ topic: spec('frequency') }),
  },
  {
    name: 'translated',
    what: 'glossary synonyms; topic + translated (frequency), RRF',
    search: onlyVariants({ topic: spec('frequency'), translated: spec('frequency') }),
  },
  {
    name: 'bigrams-only',
    what: 'bigram fields; bigram variant only (frequency)',
    search: onlyVariants({ bigrams: spec('frequency') }),
  },
  {
    name: 'rrf-all',
    what: 'raw(last) + topic + translated + bigrams (frequency), RRF k=60',
    search: onlyVariants({ ...D }),
  },
  {
    name: 'terms-only',
    what: 'one search per query term (Latin word or in-word bigram), RRF',
    search: onlyVariants({ term: spec('last') }),
  },
  {
    name: 'rrf-raw-topic-terms',
    what: 'raw(last) + topic(frequency) + per-term searches, RRF',
    search: onlyVariants({ raw: spec('last'), topic: spec('frequency'), term: spec('last') }),
  },
  {
    name: 'rrf-all-terms',
    what: 'raw(last) + topic + translated + bigrams (frequency) + per-term searches, RRF',
    search: onlyVariants({ ...D, term: spec('last') }),
  },
];

async function score(index: Index, search: SearchQaOptions | undefined, facets?: string[]): Promise<{ line: string; styles: string; output: string }> {
  const server = http.createServer(createSearchHandler(index, search, facets));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const { stdout } = await run('python3', [RELEVANCE_PY, 'api', `http://127.0.0.1:${port}`, '--verbose'], { maxBuffer: 1 << 24 });
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
    const { line, styles, output } = await score(index, experiment.search, experiment.facets);
    const numbers = parse(line, styles);
    await fs.appendFile(RESULTS, JSON.stringify({ name: experiment.name, what: experiment.what, at: new Date().toISOString(), numbers, output }) + '\n');
    const f = (key: string) => (numbers[key] ?? 0).toFixed(2);
    console.log(
      `| ${experiment.name} | ${experiment.what} | ${f('s@1')} | ${f('s@5')} | ${f('mrr@10')} | ` +
        `${f('keywords')} | ${f('natural')} | ${f('english')} | ${f('typo')} | ${f('answer')} |`,
    );
    if (process.env.VERBOSE) console.log(output);
  }
  void TEXT_ATTRIBUTES;
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
