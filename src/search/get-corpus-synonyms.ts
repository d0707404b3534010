import { hash } from 'node:crypto';
import type { QaRecord } from '../qa-record.ts';
import { buildSynonymGraph, linkLists } from './build-synonym-graph.ts';
import { buildDictionary, countChineseWords, type DictionaryOptions } from './build-dictionary.ts';
import { loadLexicon } from './load-lexicon.ts';

/**
 * The last dictionary this process made, by a hash of what it was made from (the words it
 * could use, with their counts, and the options): a forced reindex of the same posts, or each
 * replica of a replica set, does not read the lexicon again (~0.6 CPU-s and ~150 MB a time).
 */
let lastDictionary: { key: string; dictionary: Record<string, string[]> } | null = null;

/**
 * The index's synonyms with the corpus dictionary added (`buildDictionary` over CC-CEDICT,
 * restricted to the Chinese words of `records`): English word -> its Chinese corpus words,
 * one way. Keys already in `synonyms` keep theirs and gain the dictionary's (`buildSynonymGraph`).
 */
export async function getCorpusSynonyms(records: Iterable<Pick<QaRecord, 'question' | 'answer'>>, synonyms: Readonly<Record<string, readonly string[]>>, options: DictionaryOptions = {}): Promise<Record<string, string[]>> {
  const texts: string[] = [];
  for (const record of records) texts.push(`${record.question}\n${record.answer}`);
  const counts = countChineseWords(texts);
  // No word in enough records to enter the dictionary (an English corpus): the same empty
  // dictionary without reading CC-CEDICT (~1 s and ~150 MB per reindex).
  const minDocuments = options.minDocuments ?? 2;
  const used = [...counts].filter(([, documents]) => documents >= minDocuments);
  if (!used.length) return buildSynonymGraph(linkLists(synonyms));
  const key = hash('sha256', JSON.stringify([options, used.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))]));
  if (lastDictionary?.key !== key) lastDictionary = { key, dictionary: buildDictionary(await loadLexicon(), counts, options) };
  return buildSynonymGraph([...linkLists(synonyms), ...linkLists(lastDictionary.dictionary)]);
}
