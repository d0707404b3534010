/**
 * Apply (or take back) the corpus dictionary as synonyms on a live index, to measure it
 * without a reindex (scripts/relevance-report.md, "Dictionary").
 *
 *   MEILI_URL=... MEILI_MASTER_KEY=... npx tsx scripts/dictionary-synonyms.ts apply RECORDS.jsonl [INDEX]
 *   MEILI_URL=... MEILI_MASTER_KEY=... npx tsx scripts/dictionary-synonyms.ts restore RECORDS.jsonl [INDEX]
 */
import fs from 'node:fs/promises';
import { Meilisearch } from 'meilisearch';
import { getProjectSynonyms } from '../src/search/get-project-synonyms.ts';
import type { QaRecord } from '../src/qa-record.ts';
import { getCorpusSynonyms } from '../src/search/get-corpus-synonyms.ts';
import { getIndexSynonyms } from '../src/search/index-settings.ts';

const [mode, file, indexName = 'qa'] = process.argv.slice(2);
if (!file || (mode !== 'apply' && mode !== 'restore')) throw new Error('usage: dictionary-synonyms.ts apply|restore RECORDS.jsonl [INDEX]');
const records = (await fs.readFile(file, 'utf8')).split('\n').filter(Boolean).map((line) => JSON.parse(line) as QaRecord);
const client = new Meilisearch({ host: process.env.MEILI_URL!, apiKey: process.env.MEILI_MASTER_KEY! });
const base = getIndexSynonyms(getProjectSynonyms());
const started = Date.now();
const options = { maxPerWord: Number(process.env.DICT_MAX_PER_WORD ?? 3), maxGlossWords: Number(process.env.DICT_MAX_GLOSS_WORDS ?? 2), minDocuments: Number(process.env.DICT_MIN_DOCUMENTS ?? 2) };
const synonyms = mode === 'apply' ? await getCorpusSynonyms(records, base, options) : base;
console.log(`${mode}: ${Object.keys(synonyms).length} synonym keys (${Object.keys(base).length} without the dictionary), built in ${Date.now() - started} ms`);
const task = await client.index(indexName).updateSynonyms(synonyms).waitTask({ timeout: 120_000 });
console.log(task.status, task.error ?? '');
