/**
 * Experiment: the corpus dictionary the other way too (Chinese word -> the English words the
 * corpus writes for it), applied to a live index's synonyms to measure without a reindex;
 * `restore` puts back the service's synonyms (base + the one-way dictionary).
 *
 *   MEILI_URL=... MEILI_MASTER_KEY=... npx tsx scripts/reverse-dictionary-synonyms.ts apply|restore RECORDS.jsonl [INDEX]
 *
 * Reverse entries are kept when the English word is a single word of 4+ letters found in at
 * least REV_MIN_DOCUMENTS records (default: 3), at most REV_PER_WORD per Chinese word (default: 2).
 */
import fs from 'node:fs/promises';
import { Meilisearch } from 'meilisearch';
import { getProjectSynonyms } from '../src/search/get-project-synonyms.ts';
import type { QaRecord } from '../src/qa-record.ts';
import { buildDictionary, countChineseWords } from '../src/search/build-dictionary.ts';
import { buildSynonymGraph, linkLists } from '../src/search/build-synonym-graph.ts';
import { loadLexicon } from '../src/search/load-lexicon.ts';
import { getIndexSynonyms } from '../src/search/index-settings.ts';

const [mode, file, indexName = 'qa'] = process.argv.slice(2);
if (!file || (mode !== 'apply' && mode !== 'restore')) throw new Error('usage: reverse-dictionary-synonyms.ts apply|restore RECORDS.jsonl [INDEX]');
const records = (await fs.readFile(file, 'utf8')).split('\n').filter(Boolean).map((line) => JSON.parse(line) as QaRecord);
const texts = records.map((record) => `${record.question}\n${record.answer}`);
const dictionary = buildDictionary(await loadLexicon(), countChineseWords(texts));
const base = getIndexSynonyms(getProjectSynonyms());
const links = [...linkLists(base), ...linkLists(dictionary)];
if (mode === 'apply') {
  const latinFrequency = new Map<string, number>();
  for (const text of texts) for (const word of new Set(text.toLowerCase().match(/[a-z]{4,}/g) ?? [])) latinFrequency.set(word, (latinFrequency.get(word) ?? 0) + 1);
  const minDocuments = Number(process.env.REV_MIN_DOCUMENTS ?? 3);
  const perWord = Number(process.env.REV_PER_WORD ?? 2);
  const reverse = new Map<string, string[]>();
  for (const [english, chinese] of Object.entries(dictionary)) {
    if (!/^[a-z]{4,}$/.test(english) || (latinFrequency.get(english) ?? 0) < minDocuments) continue;
    for (const word of chinese) reverse.set(word, [...(reverse.get(word) ?? []), english]);
  }
  let added = 0;
  for (const [word, englishWords] of reverse) {
    const best = englishWords.sort((a, b) => (latinFrequency.get(b) ?? 0) - (latinFrequency.get(a) ?? 0)).slice(0, perWord);
    for (const english of best) { links.push([word, english]); added += 1; }
  }
  console.log(`${reverse.size} Chinese words, ${added} reverse links`);
}
const synonyms = buildSynonymGraph(links);
const client = new Meilisearch({ host: process.env.MEILI_URL!, apiKey: process.env.MEILI_MASTER_KEY! });
const task = await client.index(indexName).updateSynonyms(synonyms).waitTask({ timeout: 120_000 });
console.log(mode, Object.keys(synonyms).length, 'keys', task.status, task.error ?? '');
